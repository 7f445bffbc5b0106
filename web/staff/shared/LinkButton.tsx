import { Button, type ButtonProps } from 'antd';

/** A link-looking button for row actions: keyboard-focusable with a real button role. */
export function LinkButton(props: Omit<ButtonProps, 'type' | 'size'>) {
  return <Button type="link" size="small" autoInsertSpace={false} {...props} className={`mz-link-btn ${props.className ?? ''}`} />;
}
