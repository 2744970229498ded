// The page's own words, Chinese first. Everything about the rules (labels,
// help, conditions, notes, citations) comes from the engine instead, and the
// words of answers, errors, units and amounts from the shared layer
// (shared/uie-front.js, WORDS).

// The words every front end shows alike (the result, the policy offer) are
// the shared layer's (UieFront.words(lang).say), so the page and the
// mini-program cannot drift apart.
const say = (lang) => globalThis.UieFront.words(lang).say;

export const STRINGS = {
  zh: {
    ...say('zh'),
    title: '失业保险待遇测算',
    skipLink: '跳到主要内容',
    loading: '正在准备计算模块…',
    loadFailed: '计算模块没有加载成功。请刷新页面再试。',
    elder: '大字模式',
    lang: 'English',
    privacy: '本页只在您的设备上计算：您填写的内容不会上传，也不会被保存，关闭页面即清除。',
    disclaimer: '测算结果仅供参考，以当地经办机构核定为准。',
    whoTitle: '您是谁？想查什么？',
    whoHint: '请选择最符合您的一项。',
    audience: { unit: '我是企业/单位', worker: '我是在职职工', unemployed: '我是失业人员' },
    otherPrograms: '其他项目',
    whereTitle: '在哪里参保？哪一天申请？',
    province: '省份（参保地）',
    city: '城市',
    date: '申请日期',
    dateHelp: '默认今天。政策按这一天是否有效来选择。',
    next: '下一步',
    back: '上一步',
    skip: '跳过这一题',
    skipRest: '跳过其余，直接看结果',
    restart: '重新开始',
    years: '年', monthsUnit: '个月', yearOf: '年', monthOf: '月',
    needDate: '请选择申请日期。',
    needProvince: '请选择省份。',
    optional: '可选：不清楚可以跳过',
    remaining: (n) => `还有 ${n} 个必答问题`,
    source: '出处',
    inLibrary: '在法规库中查看',
    noPolicyTitle: '这一天没有正在执行的政策',
    changeDate: '换一个日期',
    resultTitle: '测算结果',
    amount: '金额',
    amountCap: '最高',
    notes: '说明',
    policy: '依据的政策',
    chain: '政策层级',
    print: '打印结果',
    compare: '与往年比较',
    receipt: '测算凭证',
    share: '生成分享链接',
    shareNote: '链接只带着您填写的内容，放在链接 # 号之后，打开链接时不会发送到任何服务器。收到链接的人能看到这些内容。',
    copy: '复制链接',
    copied: '已复制',
    shareLoaded: '已按分享链接中的内容测算。',
    shareBad: '分享链接无法识别，请从头填写。',
    engineFailed: '计算出错了，请再试一次。',
    kioskIdle: (s) => `${s} 秒无人操作将清除全部回答并回到首页。`,
    reasons: '原因',
    otherWhatif: '怎样会有不同的结果',
    answers: '您的回答',
    edit: '修改',
    editAria: (label) => `修改：${label}`,
    allConditions: '逐项条件及出处',
    backToResult: '回到结果',
    inChinese: '',          // English only: before an engine text still in Chinese
    idleTitle: '还在使用吗？',
    idleText: (n) => `${n} 秒后将清除全部回答并回到首页。`,
    idleStay: '继续使用',
    policyInChinese: '',    // English only
    noCities: '本省按全省的政策测算。',
  },
};

/**
 * The English words, loaded the first time English is chosen (i18n-en.mjs):
 * a Chinese visitor never downloads them.
 */
export async function english() {
  if (!STRINGS.en) STRINGS.en = (await import('./i18n-en.mjs')).EN;
  return STRINGS.en;
}
