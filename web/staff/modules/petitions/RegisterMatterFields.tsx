import { Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { toTreeSelect, useAreaTree } from '../../shared/area-tree.ts';
import { ComplaintFields } from './RegisterIntakeFields.tsx';
import { CATEGORIES, SUBJECTS } from './api.ts';
import { options, useVocab } from './vocab.ts';

/** The matter on the register form: 类别, 内容分类, the area concerned, title and content. */
export function MatterFields({ category }: { category: string | undefined }) {
  const t = useT();
  const vocab = useVocab();
  const areas = useAreaTree();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="category"
            label={t('petitions.form.category')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.form.category') }) }]}
          >
            <Select options={options(vocab, CATEGORIES)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="subject"
            label={t('petitions.form.subject')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.form.subject') }) }]}
          >
            <Select options={options(vocab, SUBJECTS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="concernedAreaCode"
            label={t('petitions.form.area')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.form.area') }) }]}
          >
            <TreeSelect
              treeData={toTreeSelect(areas.data)}
              loading={areas.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={t('petitions.form.areaPlaceholder')}
              treeDefaultExpandedKeys={areas.data?.map((a) => a.code)}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
      </Row>
      <ComplaintFields accusation={category === '检举控告'} />
      <Form.Item
        name="title"
        label={t('petitions.form.matterTitle')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.matterTitle') }) }, { max: 200 }]}
      >
        <Input maxLength={200} placeholder={t('petitions.form.matterTitlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('petitions.form.content')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.content') }) },
          {
            validator: async (_, v?: string) => {
              if (v && v.trim().length > 0 && v.trim().length < 10) throw new Error('信访内容不少于 10 字');
            },
          },
        ]}
      >
        <Input.TextArea rows={6} maxLength={20000} showCount placeholder={t('petitions.form.contentPlaceholder')} />
      </Form.Item>
    </>
  );
}
