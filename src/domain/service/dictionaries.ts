import type { Label } from '../core/entity';

/**
 * Default options of the service module's dictionaries (其它基本信息). They seed a new workspace;
 * users edit them afterwards, so code must never depend on an editable dictionary's codes.
 * The two `fixed` dictionaries are the exception: the complaint flow relies on their codes, so
 * users may relabel their options but not add or remove any.
 */

export interface DictOption { code: string; label: Label }

export interface DictDefault {
  dict: string;
  label: Label;
  options: DictOption[];
  /** Codes are used by the program: relabel only, never add or remove options. */
  fixed?: boolean;
}

const opt = (code: string, zh: string, en: string): DictOption => ({ code, label: { zh, en } });

export const SERVICE_DICTIONARIES: DictDefault[] = [
  {
    dict: 'serviceType',
    label: { zh: '客户服务类型', en: 'Service type' },
    options: [
      opt('consulting', '售前咨询', 'Pre-sales consulting'),
      opt('installation', '安装调试', 'Installation'),
      opt('support', '技术支持', 'Technical support'),
      opt('training', '培训', 'Training'),
      opt('repair', '维修', 'Repair'),
      opt('followUp', '回访', 'Follow-up'),
      opt('other', '其他', 'Other'),
    ],
  },
  {
    dict: 'contactType',
    label: { zh: '联系类型', en: 'Contact type' },
    options: [
      opt('phone', '电话', 'Phone'),
      opt('visit', '上门', 'On-site visit'),
      opt('email', '邮件', 'Email'),
      opt('wechat', '微信', 'WeChat'),
      opt('remote', '远程协助', 'Remote assistance'),
      opt('other', '其他', 'Other'),
    ],
  },
  {
    dict: 'importance',
    label: { zh: '重要程度', en: 'Importance' },
    options: [opt('high', '高', 'High'), opt('medium', '中', 'Medium'), opt('low', '低', 'Low')],
  },
  {
    dict: 'satisfaction',
    label: { zh: '客户满意度', en: 'Satisfaction' },
    options: [
      opt('5', '非常满意', 'Very satisfied'),
      opt('4', '满意', 'Satisfied'),
      opt('3', '一般', 'Neutral'),
      opt('2', '不满意', 'Dissatisfied'),
      opt('1', '非常不满意', 'Very dissatisfied'),
    ],
  },
  {
    dict: 'complaintReason',
    label: { zh: '投诉原因', en: 'Complaint reason' },
    options: [
      opt('quality', '产品质量', 'Product quality'),
      opt('delivery', '交货延迟', 'Late delivery'),
      opt('attitude', '服务态度', 'Staff attitude'),
      opt('response', '响应不及时', 'Slow response'),
      opt('price', '价格争议', 'Price dispute'),
      opt('other', '其他', 'Other'),
    ],
  },
  {
    dict: 'kbCategory',
    label: { zh: '知识分类', en: 'Knowledge category' },
    options: [
      opt('faq', '常见问题', 'FAQ'),
      opt('howTo', '操作指南', 'How-to'),
      opt('troubleshooting', '故障处理', 'Troubleshooting'),
      opt('product', '产品知识', 'Product knowledge'),
      opt('policy', '服务政策', 'Service policy'),
      opt('other', '其他', 'Other'),
    ],
  },
  {
    dict: 'complaintTarget',
    label: { zh: '投诉对象', en: 'Complaint about' },
    fixed: true,
    options: [opt('product', '产品', 'Product'), opt('department', '部门', 'Department'), opt('person', '人员', 'Person')],
  },
  {
    dict: 'complaintStatus',
    label: { zh: '投诉状态', en: 'Complaint status' },
    fixed: true,
    options: [
      opt('recorded', '已登记', 'Recorded'),
      opt('assigned', '已分配', 'Assigned'),
      opt('handled', '已处理', 'Handled'),
      opt('revisited', '已回访', 'Revisited'),
      opt('closed', '已关闭', 'Closed'),
    ],
  },
];

/** The default dictionary by key (undefined for a dictionary this module does not define). */
export function serviceDictionary(dict: string): DictDefault | undefined {
  return SERVICE_DICTIONARIES.find((d) => d.dict === dict);
}
