// antd's Drawer in a chunk of its own (LazyDrawer.tsx).
export { Drawer } from 'antd';
