import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Upload } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { formatSize } from '../cases/CaseSideCards.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

/** 材料 on the register form: files kept in the page until the matter is registered, then uploaded to its case. */
export function FilesCard({ files, setFiles }: { files: File[]; setFiles: Dispatch<SetStateAction<File[]>> }) {
  const t = useT();
  const { message } = App.useApp();
  const addFile = (f: File) => {
    if (f.size > MAX_BYTES) message.warning(t('petitions.form.tooLarge', { name: f.name }));
    else setFiles((xs) => [...xs, f]);
    return false;
  };
  return (
    <Card
      className="mz-card mz-pt-section"
      title={
        <span>
          <PaperClipOutlined /> {t('petitions.form.sec.files')}
        </span>
      }
    >
      <Upload multiple showUploadList={false} beforeUpload={addFile}>
        <Button icon={<PaperClipOutlined />}>{t('petitions.form.files')}</Button>
      </Upload>
      <p className="mz-card-note">{t('petitions.form.filesHelp')}</p>
      {files.length > 0 && (
        <ul className="mz-pt-files" data-testid="petition-files">
          {files.map((f, i) => (
            <li key={`${f.name}:${i}`}>
              <FileOutlined />
              <span>{f.name}</span>
              <span className="mz-muted">{formatSize(f.size)}</span>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('petitions.form.removeFile', { name: f.name })}
                onClick={() => setFiles((xs) => xs.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
