/**
 * Word lists for realistic Chinese sample data: people's names (with pinyin for e-mail
 * addresses), cities (with region, area code and districts), company name parts by industry,
 * job titles and short texts. Plain data, shared by every generated record (no per-record
 * string work beyond joining these parts).
 */

/** [hanzi, pinyin]. */
export type Py = readonly [string, string];

/** Common surnames, roughly by frequency (the first ones are drawn more often). */
export const SURNAMES: Py[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'],
  ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'],
  ['夏', 'xia'], ['韦', 'wei'], ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'],
  ['秦', 'qin'], ['邱', 'qiu'], ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['欧阳', 'ouyang'], ['司马', 'sima'],
];

/** Given-name characters by gender, for one-character given names (王伟, 李娜). */
export const GIVEN_M: Py[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'],
  ['斌', 'bin'], ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'],
  ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'],
  ['健', 'jian'], ['俊', 'jun'], ['帆', 'fan'], ['旭', 'xu'], ['宁', 'ning'], ['龙', 'long'], ['阳', 'yang'],
  ['文', 'wen'], ['海', 'hai'], ['东', 'dong'], ['峰', 'feng'], ['晨', 'chen'], ['博', 'bo'], ['昊', 'hao'],
  ['然', 'ran'], ['铭', 'ming'], ['振', 'zhen'], ['宏', 'hong'], ['亮', 'liang'], ['坤', 'kun'], ['毅', 'yi'],
  ['睿', 'rui'],
];

export const GIVEN_F: Py[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'],
  ['霞', 'xia'], ['玲', 'ling'], ['燕', 'yan'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'], ['颖', 'ying'],
  ['倩', 'qian'], ['琳', 'lin'], ['洁', 'jie'], ['莉', 'li'], ['萍', 'ping'], ['红', 'hong'], ['梅', 'mei'],
  ['丹', 'dan'], ['璐', 'lu'], ['欣', 'xin'], ['怡', 'yi'], ['晶', 'jing'], ['蕾', 'lei'], ['雯', 'wen'],
  ['瑶', 'yao'], ['悦', 'yue'], ['琪', 'qi'], ['薇', 'wei'], ['英', 'ying'], ['兰', 'lan'], ['云', 'yun'],
  ['玉', 'yu'],
];

/** Common two-character given names ([hanzi, pinyin]); most people get one of these. */
export const GIVEN2_M: Py[] = pairs(
  '建国 jianguo 志强 zhiqiang 晓东 xiaodong 海涛 haitao 俊杰 junjie 文博 wenbo 子轩 zixuan 浩然 haoran 宇航 yuhang '
  + '建华 jianhua 国强 guoqiang 永明 yongming 立新 lixin 振华 zhenhua 德明 deming 明辉 minghui 鹏飞 pengfei 志刚 zhigang '
  + '伟东 weidong 晓峰 xiaofeng 天宇 tianyu 嘉豪 jiahao 一鸣 yiming 家乐 jiale 思远 siyuan 文涛 wentao 建军 jianjun '
  + '红兵 hongbing 卫东 weidong 春生 chunsheng 少华 shaohua 光明 guangming 世杰 shijie 启明 qiming 荣华 ronghua '
  + '绍辉 shaohui 庆丰 qingfeng 宏伟 hongwei 志远 zhiyuan 泽宇 zeyu 博文 bowen 子豪 zihao 俊豪 junhao 明杰 mingjie '
  + '凯文 kaiwen 海峰 haifeng 雪松 xuesong 金龙 jinlong 国栋 guodong 建平 jianping 永刚 yonggang 学文 xuewen',
);
export const GIVEN2_F: Py[] = pairs(
  '秀英 xiuying 桂英 guiying 丽娟 lijuan 晓燕 xiaoyan 海燕 haiyan 雪梅 xuemei 玉兰 yulan 春梅 chunmei 美玲 meiling '
  + '丽华 lihua 婷婷 tingting 静怡 jingyi 思雨 siyu 欣怡 xinyi 佳琪 jiaqi 梦瑶 mengyao 雨涵 yuhan 诗琪 shiqi 晓丽 xiaoli '
  + '红梅 hongmei 慧敏 huimin 丽萍 liping 艳红 yanhong 淑珍 shuzhen 文静 wenjing 晓雯 xiaowen 嘉欣 jiaxin 雅琴 yaqin '
  + '玉洁 yujie 倩倩 qianqian 佳慧 jiahui 晶晶 jingjing 月华 yuehua 凤英 fengying 秀兰 xiulan 素芬 sufen 美华 meihua '
  + '丹丹 dandan 璐瑶 luyao 若曦 ruoxi 紫涵 zihan 可馨 kexin 欣妍 xinyan 雪莹 xueying 晓梅 xiaomei 亚楠 yanan 莉莉 lili',
);

function pairs(s: string): Py[] {
  const w = s.split(' ');
  const out: Py[] = [];
  for (let i = 0; i + 1 < w.length; i += 2) out.push([w[i], w[i + 1]]);
  return out;
}

export interface City {
  /** Without 市. */
  name: string;
  /** Short ASCII tag for web domains. */
  tag: string;
  /** Code of the `region` dictionary. */
  region: string;
  area: string;
  districts: string[];
  /** How often customers come from here (the vendor sits in Hangzhou). */
  weight: number;
}

const c = (name: string, tag: string, region: string, area: string, weight: number, districts: string): City =>
  ({ name, tag, region, area, weight, districts: districts.split(' ') });

export const CITIES: City[] = [
  c('杭州', 'hz', 'east', '0571', 12, '西湖区 滨江区 余杭区 萧山区 拱墅区 上城区'),
  c('宁波', 'nb', 'east', '0574', 6, '鄞州区 北仑区 海曙区 镇海区'),
  c('温州', 'wz', 'east', '0577', 5, '鹿城区 瓯海区 龙湾区'),
  c('绍兴', 'sx', 'east', '0575', 4, '越城区 柯桥区 上虞区'),
  c('嘉兴', 'jx', 'east', '0573', 3, '南湖区 秀洲区'),
  c('金华', 'jh', 'east', '0579', 3, '婺城区 金东区'),
  c('台州', 'tz', 'east', '0576', 3, '椒江区 黄岩区 路桥区'),
  c('湖州', 'huz', 'east', '0572', 2, '吴兴区 南浔区'),
  c('上海', 'sh', 'east', '021', 10, '浦东新区 闵行区 徐汇区 嘉定区 松江区 普陀区'),
  c('南京', 'nj', 'east', '025', 6, '江宁区 鼓楼区 建邺区 玄武区 栖霞区'),
  c('苏州', 'suz', 'east', '0512', 8, '工业园区 吴中区 相城区 姑苏区 高新区'),
  c('无锡', 'wx', 'east', '0510', 5, '滨湖区 新吴区 梁溪区 锡山区'),
  c('常州', 'cz', 'east', '0519', 4, '武进区 新北区 天宁区'),
  c('南通', 'nt', 'east', '0513', 3, '崇川区 通州区'),
  c('合肥', 'hf', 'east', '0551', 4, '蜀山区 包河区 高新区 庐阳区'),
  c('济南', 'jn', 'east', '0531', 3, '历下区 槐荫区 历城区'),
  c('青岛', 'qd', 'east', '0532', 4, '市南区 崂山区 黄岛区 城阳区'),
  c('烟台', 'yt', 'east', '0535', 2, '芝罘区 莱山区'),
  c('福州', 'fz', 'east', '0591', 3, '鼓楼区 仓山区 台江区'),
  c('厦门', 'xm', 'east', '0592', 3, '思明区 湖里区 集美区'),
  c('北京', 'bj', 'north', '010', 8, '海淀区 朝阳区 丰台区 大兴区 昌平区'),
  c('天津', 'tj', 'north', '022', 4, '滨海新区 南开区 河西区 西青区'),
  c('石家庄', 'sjz', 'north', '0311', 2, '长安区 裕华区 桥西区'),
  c('唐山', 'ts', 'north', '0315', 1, '路北区 路南区'),
  c('太原', 'ty', 'north', '0351', 2, '小店区 迎泽区'),
  c('呼和浩特', 'hhht', 'north', '0471', 1, '赛罕区 新城区'),
  c('保定', 'bd', 'north', '0312', 1, '竞秀区 莲池区'),
  c('广州', 'gz', 'south', '020', 5, '天河区 番禺区 白云区 黄埔区'),
  c('深圳', 'sz', 'south', '0755', 6, '南山区 福田区 宝安区 龙岗区'),
  c('东莞', 'dg', 'south', '0769', 3, '南城街道 松山湖高新区 长安镇'),
  c('佛山', 'fs', 'south', '0757', 3, '顺德区 南海区 禅城区'),
  c('南宁', 'nn', 'south', '0771', 1, '青秀区 西乡塘区'),
  c('海口', 'hk', 'south', '0898', 1, '龙华区 美兰区'),
  c('武汉', 'wh', 'central', '027', 4, '江汉区 洪山区 武昌区 东湖高新区'),
  c('长沙', 'cs', 'central', '0731', 3, '岳麓区 雨花区 开福区'),
  c('郑州', 'zz', 'central', '0371', 3, '金水区 二七区 郑东新区'),
  c('南昌', 'nc', 'central', '0791', 2, '红谷滩区 青山湖区'),
  c('洛阳', 'ly', 'central', '0379', 1, '涧西区 洛龙区'),
  c('成都', 'cd', 'west', '028', 4, '武侯区 高新区 锦江区 成华区'),
  c('重庆', 'cq', 'west', '023', 3, '渝北区 江北区 九龙坡区'),
  c('西安', 'xa', 'west', '029', 3, '雁塔区 未央区 高新区'),
  c('昆明', 'km', 'west', '0871', 1, '五华区 官渡区'),
  c('贵阳', 'gy', 'west', '0851', 1, '观山湖区 南明区'),
  c('兰州', 'lz', 'west', '0931', 1, '城关区 七里河区'),
  c('乌鲁木齐', 'wlmq', 'west', '0991', 1, '天山区 新市区'),
  c('沈阳', 'sy', 'northeast', '024', 2, '和平区 浑南区 铁西区'),
  c('大连', 'dl', 'northeast', '0411', 2, '甘井子区 中山区 金州区'),
  c('长春', 'cc', 'northeast', '0431', 1, '朝阳区 南关区'),
  c('哈尔滨', 'hrb', 'northeast', '0451', 1, '南岗区 道里区 松北区'),
];

export const ROADS = [
  '人民路', '中山路', '解放路', '建设路', '科技路', '创业路', '工业园路', '长江路', '黄河路', '新华路',
  '文化路', '学府路', '滨江大道', '东方大道', '世纪大道', '开发大道', '兴业街', '光明路', '和平路', '振兴路',
  '金桥路', '高新大道', '环城北路', '环城南路', '迎宾大道', '南京路', '北京路', '湖滨路', '望江路', '紫金路',
];

/** Company 字号 (brand part of a name) with pinyin for the web domain. */
export const BRANDS: Py[] = [
  ['恒力', 'hengli'], ['华信', 'huaxin'], ['天成', 'tiancheng'], ['鼎盛', 'dingsheng'], ['宏达', 'hongda'],
  ['远航', 'yuanhang'], ['金桥', 'jinqiao'], ['瑞丰', 'ruifeng'], ['明辉', 'minghui'], ['海纳', 'haina'],
  ['中联', 'zhonglian'], ['博远', 'boyuan'], ['凯盛', 'kaisheng'], ['德信', 'dexin'], ['永泰', 'yongtai'],
  ['汇通', 'huitong'], ['嘉禾', 'jiahe'], ['安泰', 'antai'], ['百川', 'baichuan'], ['宝利', 'baoli'],
  ['诚毅', 'chengyi'], ['创新', 'chuangxin'], ['大禹', 'dayu'], ['东升', 'dongsheng'], ['方圆', 'fangyuan'],
  ['丰华', 'fenghua'], ['福瑞', 'furui'], ['广源', 'guangyuan'], ['国泰', 'guotai'], ['海天', 'haitian'],
  ['浩宇', 'haoyu'], ['和盛', 'hesheng'], ['鸿运', 'hongyun'], ['华创', 'huachuang'], ['华锐', 'huarui'],
  ['辉煌', 'huihuang'], ['建丰', 'jianfeng'], ['锦程', 'jincheng'], ['金鼎', 'jinding'], ['晶石', 'jingshi'],
  ['巨能', 'juneng'], ['骏达', 'junda'], ['凯瑞', 'kairui'], ['蓝海', 'lanhai'], ['乐嘉', 'lejia'],
  ['立信', 'lixin'], ['利民', 'limin'], ['联创', 'lianchuang'], ['龙腾', 'longteng'], ['隆盛', 'longsheng'],
  ['迈科', 'maike'], ['美达', 'meida'], ['明德', 'mingde'], ['南洋', 'nanyang'], ['鹏程', 'pengcheng'],
  ['启航', 'qihang'], ['乾元', 'qianyuan'], ['群英', 'qunying'], ['荣盛', 'rongsheng'], ['润泽', 'runze'],
  ['三友', 'sanyou'], ['盛世', 'shengshi'], ['世纪', 'shiji'], ['顺达', 'shunda'], ['泰和', 'taihe'],
  ['天润', 'tianrun'], ['通达', 'tongda'], ['万通', 'wantong'], ['伟业', 'weiye'], ['新锐', 'xinrui'],
  ['鑫源', 'xinyuan'], ['星辰', 'xingchen'], ['兴业', 'xingye'], ['亚泰', 'yatai'], ['扬帆', 'yangfan'],
  ['一诺', 'yinuo'], ['亿丰', 'yifeng'], ['银河', 'yinhe'], ['永信', 'yongxin'], ['优创', 'youchuang'],
  ['元亨', 'yuanheng'], ['跃进', 'yuejin'], ['长江', 'changjiang'], ['正德', 'zhengde'], ['志成', 'zhicheng'],
  ['智远', 'zhiyuan'], ['中天', 'zhongtian'], ['众诚', 'zhongcheng'], ['卓越', 'zhuoyue'], ['精工', 'jinggong'],
  ['科达', 'keda'], ['瑞祥', 'ruixiang'], ['同创', 'tongchuang'], ['金盛', 'jinsheng'], ['康达', 'kangda'],
  ['东方', 'dongfang'], ['天宇', 'tianyu'], ['新宇', 'xinyu'], ['华通', 'huatong'], ['恒通', 'hengtong'],
  ['博泰', 'botai'], ['昌盛', 'changsheng'], ['大成', 'dacheng'], ['嘉诚', 'jiacheng'], ['金港', 'jingang'],
  ['聚源', 'juyuan'], ['凯旋', 'kaixuan'], ['力源', 'liyuan'], ['名扬', 'mingyang'], ['尚品', 'shangpin'],
  ['盛达', 'shengda'], ['拓普', 'tuopu'], ['伟创', 'weichuang'], ['协力', 'xieli'], ['信诚', 'xincheng'],
  ['旭日', 'xuri'], ['永安', 'yongan'], ['裕丰', 'yufeng'], ['振华', 'zhenhua'], ['中科', 'zhongke'],
  ['德力', 'deli'], ['格林', 'gelin'], ['海川', 'haichuan'], ['汇邦', 'huibang'], ['金田', 'jintian'],
  ['凌云', 'lingyun'], ['铭泰', 'mingtai'], ['普瑞', 'purui'], ['日升', 'risheng'], ['森源', 'senyuan'],
  ['泰丰', 'taifeng'], ['威达', 'weida'], ['祥和', 'xianghe'], ['英华', 'yinghua'], ['卓信', 'zhuoxin'],
  ['瀚海', 'hanhai'], ['弘毅', 'hongyi'], ['九州', 'jiuzhou'], ['宝华', 'baohua'], ['华美', 'huamei'],
  ['安达', 'anda'], ['万邦', 'wanbang'], ['鼎新', 'dingxin'], ['恒信', 'hengxin'], ['天衡', 'tianheng'],
];

/** Business line of a company name, by `industry` dictionary code, with a short ASCII tag. */
export const TRADES: Record<string, Py[]> = {
  mfg: [['精密机械', 'jm'], ['机电设备', 'jd'], ['汽车零部件', 'auto'], ['电子科技', 'dz'], ['新材料', 'xcl'],
    ['纺织', 'fz'], ['化工', 'hg'], ['模具', 'mj'], ['五金制品', 'wj'], ['电气', 'dq'], ['包装', 'bz'], ['食品', 'food']],
  it: [['软件', 'soft'], ['信息技术', 'it'], ['网络科技', 'net'], ['数据科技', 'data'], ['智能科技', 'ai'], ['系统集成', 'si']],
  retail: [['商贸', 'trade'], ['百货', 'bh'], ['连锁超市', 'mart'], ['电子商务', 'ec'], ['贸易', 'my']],
  fin: [['投资管理', 'invest'], ['融资租赁', 'lease'], ['保险代理', 'ins'], ['资产管理', 'am']],
  build: [['建设工程', 'js'], ['建筑装饰', 'zs'], ['建材', 'jc'], ['市政工程', 'sz'], ['房地产开发', 'fdc']],
  logi: [['物流', 'wl'], ['供应链管理', 'scm'], ['国际货运代理', 'hy'], ['仓储服务', 'cc'], ['运输', 'ys']],
  med: [['医疗器械', 'yl'], ['医药', 'yy'], ['生物科技', 'bio'], ['健康管理', 'jk']],
  edu: [['教育科技', 'edu'], ['职业培训', 'px'], ['教育咨询', 'zx']],
};

/** Customers of an ERP/CRM vendor: mostly manufacturers and traders. */
export const INDUSTRY_WEIGHTS: [string, number][] = [
  ['mfg', 35], ['retail', 12], ['it', 10], ['build', 10], ['logi', 10], ['med', 8], ['fin', 7], ['edu', 8],
];

/** Public bodies and schools (category gov / edu). */
export const GOV_BODIES = [
  '市场监督管理局', '人力资源和社会保障局', '交通运输局', '住房和城乡建设局', '统计局', '商务局', '科学技术局', '城市管理局',
];
export const SCHOOLS = ['职业技术学院', '第一中学', '外国语学校', '实验小学', '理工学院', '技师学院', '财经学校', '卫生学校'];

/** Job titles with the purchase role they usually play (decisionRole codes) and a weight. */
export const TITLES: [string, string, number][] = [
  ['总经理', 'decider', 8], ['董事长', 'decider', 3], ['副总经理', 'decider', 5], ['采购经理', 'buyer', 9],
  ['采购专员', 'buyer', 4], ['财务总监', 'influencer', 6], ['财务经理', 'influencer', 6], ['IT主管', 'influencer', 7],
  ['信息部经理', 'influencer', 5], ['销售总监', 'user', 4], ['销售主管', 'user', 4], ['会计', 'user', 5],
  ['行政主管', 'gatekeeper', 4], ['总经理助理', 'gatekeeper', 4], ['生产经理', 'user', 4], ['仓库主管', 'user', 3],
];
/** Titles a primary contact usually holds. */
export const PRIMARY_TITLES: [string, string, number][] = [
  ['总经理', 'decider', 6], ['副总经理', 'decider', 3], ['采购经理', 'buyer', 5], ['IT主管', 'influencer', 3],
  ['信息部经理', 'influencer', 3], ['财务总监', 'influencer', 2], ['董事长', 'decider', 1],
];

export const HOBBIES = ['高尔夫', '羽毛球', '钓鱼', '茶艺', '摄影', '登山', '书法', '跑步', '篮球', '乒乓球', '旅游', '围棋', '游泳', '读书'];

export const MAIL_HOSTS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com'];

/** Mobile prefixes given to contacts (138 is kept for the vendor's own staff). */
export const MOBILE_PREFIXES = [
  '139', '137', '136', '135', '134', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188',
  '130', '131', '132', '155', '156', '185', '186', '133', '153', '177', '180', '181', '189', '199',
];

export const CUSTOMER_NOTES = [
  '年底有信息化预算，重点跟进', '计划明年上线 ERP 二期', '老板重视数字化，决策快', '对价格敏感，需争取折扣审批',
  '现用 Excel 管理客户，痛点明确', '已参观样板客户，反馈良好', '集团统一采购，流程较长', '财务系统需与现有用友账套对接',
  '通过展会获取的线索，需尽快拜访', '有多个分公司，需多组织版本', '关注移动端和离线使用', '续约客户，按年付维护费',
];

export const CONTACT_NOTES = ['喜欢电话沟通', '周三下午方便拜访', '微信回复较快', '关注实施周期', '对报价比较敏感', '技术出身，关注接口'];

/** Phrases of an opportunity subject (after the customer's brand). */
export const DEAL_PHRASES = [
  'ERP系统采购', 'CRM系统采购', 'ERP财务模块升级', '进销存系统实施', '移动CRM增购用户', 'ERP二期项目',
  '年度维护续约', '供应链模块扩容', '多组织版本升级', '生产管理模块实施', '客户服务模块上线', 'BI报表定制',
];

export const LOSS_SUMMARIES = [
  '客户选择了竞争对手，价格差距较大', '预算冻结，项目暂缓', '决策人变更，需求取消', '竞品与现有财务系统集成更好',
];
export const WIN_SUMMARIES = ['方案贴合需求，实施周期短', '老客户推荐，信任度高', '价格与服务综合占优', '演示效果好，决策层认可'];

/** Activity kinds (activityKind codes) with subjects and a weight. */
export const ACTIVITY_KINDS: [string, string[], number][] = [
  ['call', ['电话回访', '电话沟通需求', '电话跟进报价', '预约拜访时间'], 40],
  ['visit', ['上门拜访', '现场调研', '拜访决策人', '送达合同'], 25],
  ['meeting', ['需求调研会议', '方案评审会', '商务谈判', '项目启动会'], 12],
  ['demo', ['产品演示', '系统试用培训', '样板客户参观'], 8],
  ['task', ['准备报价单', '提交技术方案', '整理需求文档', '催收预付款'], 15],
];

export const ACTIVITY_NOTES = [
  '客户对报表功能很感兴趣', '需要补充实施计划', '对方要求再优惠', '已约下周演示', '客户内部评估中',
  '决策人出差，延后', '技术对接顺利', '提出定制需求', '已发送方案', '反馈积极',
];

/** What a contact record of each stage (STAGES index) says. */
export const RECORD_SUMMARIES: string[][] = [
  ['首次电话沟通，了解客户现状和信息化规划', '上门拜访，介绍公司产品和成功案例', '展会上结识，交换名片并约定拜访', '老客户引荐，初次见面沟通需求'],
  ['需求调研，梳理采购、库存和财务流程', '与客户 IT 负责人确认系统需求和接口', '整理需求清单并与客户确认', '调研各部门用户数和使用场景'],
  ['提交解决方案和报价单', '产品演示，客户对报表功能反馈良好', '方案评审会，客户提出修改意见', '安排客户参观样板客户'],
  ['商务谈判，讨论付款方式和实施周期', '客户要求进一步优惠，申请折扣审批', '合同条款逐条确认', '与决策层面谈，争取年内签约'],
  ['签订合同，约定实施启动时间', '客户确认采购，合同盖章回传', '合同签订，预付款安排中'],
];
export const LOST_RECORD_SUMMARIES = ['客户选择了其他供应商', '客户通知项目暂停', '预算未获批准，项目取消'];
export const NEXT_RECORD_SUMMARIES = ['计划：约客户决策人面谈', '计划：提交修改后的方案', '计划：电话跟进报价反馈', '计划：上门演示移动端'];
export const REPLIES = ['继续跟进，注意竞争对手动态', '报价可以适当让步，守住毛利', '抓紧推进，争取本月签约', '做得好，保持联系'];

export const LEAD_NOTES = ['客户在官网留言咨询', '展会现场登记', '老客户推荐', '电话营销获取'];
export const LEAD_CLOSE_NOTES = ['客户暂无预算，关闭', '联系不上客户，关闭', '需求不匹配，关闭'];

export const RETURN_REASONS = ['客户缩减用户数，退回部分许可', '服务器型号与机房不符，退货更换', '分公司项目取消，退回对应许可', '到货外包装破损，客户拒收'];
export const DUNNING_NOTES = ['客户财务称本月资金紧张，承诺月底付款', '已发送对账单，等待客户确认', '客户付款审批流程在走，预计下周', '客户负责人出差，回来后安排付款', '已上门催收，客户承诺分两次付清'];
export const EXPENSE_NOTES: Record<string, string[]> = {
  travel: ['上门拜访差旅', '现场调研差旅', '实施启动会差旅'],
  entertain: ['客户商务宴请', '项目签约答谢'],
  gift: ['节日礼品', '客户参观伴手礼'],
  transport: ['市内交通', '往返客户现场打车'],
  market: ['样板客户参观活动', '行业沙龙赞助'],
  other: ['资料打印装订', '快递合同'],
};
