import type { Label } from './entity';

/** A dictionary option; `parent` makes a tree (customer category). */
export interface DictOption { code: string; label: Label; parent?: string; order?: number }
export interface DictDef { dict: string; label: Label; tree?: boolean; options: DictOption[] }

const o = (code: string, zh: string, en: string, parent?: string): DictOption => ({ code, label: { zh, en }, parent });

/** Basic dictionaries (其它基本信息) every workspace starts with; all editable. */
export const BASE_DICTIONARIES: DictDef[] = [
  { dict: 'customerCategory', label: { zh: '客户分类', en: 'Customer category' }, tree: true, options: [
    o('ent', '企业客户', 'Enterprise'), o('ent-big', '大型企业', 'Large enterprise', 'ent'), o('ent-sme', '中小企业', 'SME', 'ent'),
    o('gov', '政府机构', 'Government'), o('edu', '教育机构', 'Education'), o('ind', '个人客户', 'Individual'),
  ] },
  { dict: 'customerKind', label: { zh: '客户类型', en: 'Customer kind' }, options: [
    o('customer', '客户', 'Customer'), o('agent', '代理商', 'Agent'), o('supplier', '供应商', 'Supplier'), o('potential', '潜在客户', 'Potential'),
  ] },
  { dict: 'industry', label: { zh: '行业', en: 'Industry' }, options: [
    o('mfg', '制造业', 'Manufacturing'), o('it', '信息技术', 'IT'), o('retail', '零售', 'Retail'), o('fin', '金融', 'Finance'),
    o('build', '建筑', 'Construction'), o('logi', '物流', 'Logistics'), o('med', '医疗', 'Healthcare'), o('edu', '教育', 'Education'),
  ] },
  { dict: 'scale', label: { zh: '规模', en: 'Scale' }, options: [
    o('s', '50人以下', '< 50'), o('m', '50-200人', '50–200'), o('l', '200-1000人', '200–1000'), o('xl', '1000人以上', '> 1000'),
  ] },
  { dict: 'region', label: { zh: '地区', en: 'Region' }, options: [
    o('north', '华北', 'North'), o('east', '华东', 'East'), o('south', '华南', 'South'), o('central', '华中', 'Central'),
    o('west', '西部', 'West'), o('northeast', '东北', 'Northeast'),
  ] },
  { dict: 'lifecycle', label: { zh: '生命周期阶段', en: 'Lifecycle stage' }, options: [
    o('potential', '潜在期', 'Potential'), o('develop', '开发期', 'Development'), o('growth', '成长期', 'Growth'),
    o('mature', '成熟期', 'Mature'), o('decline', '衰退期', 'Decline'), o('lost', '流失', 'Lost'),
  ] },
  { dict: 'satisfaction', label: { zh: '满意度', en: 'Satisfaction' }, options: [
    o('5', '非常满意', 'Very satisfied'), o('4', '满意', 'Satisfied'), o('3', '一般', 'Neutral'),
    o('2', '不满意', 'Dissatisfied'), o('1', '非常不满意', 'Very dissatisfied'),
  ] },
  { dict: 'leadSource', label: { zh: '客户来源', en: 'Lead source' }, options: [
    o('web', '网站', 'Website'), o('expo', '展会', 'Exhibition'), o('referral', '老客户介绍', 'Referral'),
    o('call', '电话营销', 'Cold call'), o('ad', '广告', 'Advertising'), o('self', '自行开发', 'Self-developed'),
  ] },
  { dict: 'gender', label: { zh: '性别', en: 'Gender' }, options: [o('m', '男', 'Male'), o('f', '女', 'Female')] },
  { dict: 'decisionRole', label: { zh: '采购角色', en: 'Purchase role' }, options: [
    o('decider', '决策者', 'Decision maker'), o('influencer', '影响者', 'Influencer'), o('user', '使用者', 'User'),
    o('buyer', '采购者', 'Buyer'), o('gatekeeper', '把关者', 'Gatekeeper'),
  ] },
  { dict: 'threat', label: { zh: '威胁程度', en: 'Threat level' }, options: [o('high', '高', 'High'), o('mid', '中', 'Medium'), o('low', '低', 'Low')] },
  { dict: 'dataScope', label: { zh: '数据范围', en: 'Data scope' }, options: [
    o('own', '本人', 'Own records'), o('department', '本部门', 'Department'), o('all', '全部', 'All'),
  ] },
];

/** The lab's example of a custom dictionary (受教育程度), offered as a one-click addition. */
export const EDUCATION_DICTIONARY: DictDef = {
  dict: 'education', label: { zh: '受教育程度', en: 'Education' }, options: [
    o('phd', '博士', 'Doctorate'), o('master', '硕士', 'Master'), o('bachelor', '本科', 'Bachelor'),
    o('college', '专科', 'Associate'), o('highschool', '高中及以下', 'High school or below'),
  ],
};

/** Codes of `code` and all its descendants in a tree dictionary. */
export function descendantCodes(options: DictOption[], code: string): Set<string> {
  const out = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const opt of options) {
      if (opt.parent && out.has(opt.parent) && !out.has(opt.code)) { out.add(opt.code); grew = true; }
    }
  }
  return out;
}
