import type { Drawer as AntDrawer } from 'antd';
import { lazy, Suspense, type ComponentProps } from 'react';

const Drawer = lazy(() => import('./drawer.ts').then((m) => ({ default: m.Drawer })));

/**
 * antd's Drawer, fetched when one is first rendered: the console's shell uses drawers only on a
 * phone (the menu, the notifications), closed at first, so they stay off the first load.
 */
export function LazyDrawer(props: ComponentProps<typeof AntDrawer>) {
  return (
    <Suspense fallback={null}>
      <Drawer {...props} />
    </Suspense>
  );
}
