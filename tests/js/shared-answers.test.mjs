// The shared front-end layer (web/shared/uie-front.js): what people type
// becomes the contract's values, and a wrong entry gets plain words with an
// example, never an internal id.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const F = require('../../web/shared/uie-front.js');

// Questions shaped as the engine gives them (questions(): type, unit, bounds, options).
const Q = {
  paid: { fact: 'contributions_paid', type: 'money', unit: '元', label: '上年度实际缴纳的失业保险费', min: null, max: null },
  headcount: { fact: 'insured_headcount', type: 'count', unit: '人', label: '上年末单位参保人数', min: 1, max: 10000000 },
  layoffs: { fact: 'layoffs', type: 'count', unit: '人', label: '上年度裁员人数', min: null, max: 10000000 },
  months: { fact: 'contribution_months', type: 'count', unit: '个月', label: '已足额缴纳失业保险费的月数', min: null, max: 1200 },
  toRetire: { fact: 'months_to_retirement', type: 'integer', unit: '个月', label: '距法定退休年龄还有几个月', min: -1200, max: 1200 },
  level: { fact: 'level', type: 'integer', unit: null, label: '证书等级', min: 1, max: 5, options: [
    { value: 5, label: '五级/初级工', label_en: 'Level 5 (elementary)' }, { value: 4, label: '四级/中级工', label_en: 'Level 4 (intermediate)' },
    { value: 3, label: '三级/高级工', label_en: 'Level 3 (advanced)' }, { value: 2, label: '二级/技师', label_en: 'Level 2 (technician)' },
    { value: 1, label: '一级/高级技师', label_en: 'Level 1 (senior technician)' }] },
  previous: { fact: 'previous_levels_same_occupation', type: 'level_list', unit: null, label: '同一职业（工种）已领过补贴的证书等级', options: [] },
  unit: { fact: 'unit_type', type: 'enum', unit: null, label: '单位类型', options: [
    { value: 'enterprise', label: '企业', label_en: 'Enterprise' }, { value: 'social_group', label: '社会团体', label_en: 'Social group' }] },
  size: { fact: 'size', type: 'enum', label: '企业规模', options: [{ value: 'large', label: '大型企业' }, { value: 'sme', label: '中小微企业' }] },
  flag: { fact: 'seriously_dishonest', type: 'bool', label: '是否被列为严重（违法）失信企业' },
  since: { fact: 'unemployed_since', type: 'date', label: '失业（停止工作）的日期' },
  born: { fact: 'birth_month', type: 'month', label: '出生年月' },
  occupation: { fact: 'occupation', type: 'string', label: '工种' },
};
const QUESTIONS = Object.values(Q);
const parse = (q, raw, lang = 'zh') => F.parseAnswer(q, raw, { lang, questions: QUESTIONS });
const value = (q, raw) => {
  const r = parse(q, raw);
  assert.equal(r.ok, true, `${JSON.stringify(raw)} should be accepted: ${r.message}`);
  return r.value;
};

test('money: 万 and 元, ¥, separators and full-width digits, exact to the fen (a decimal string)', () => {
  const cases = {
    '1.2万': '12000', '12000元': '12000', '1.2万元': '12000', '¥56,789.12': '56789.12', '￥5,000': '5000', '56,789.12': '56789.12',
    '１２，３４５．６７': '12345.67', '1.15万': '11500', '1.234567万': '12345.67', '3万5千': '35000', '三万五千': '35000',
    '0.5w': '5000', '12k': '12000', '120 000': '120000', '0': '0', '0.10': '0.1', '007': '7', '1亿': '100000000',
  };
  for (const [typed, expect] of Object.entries(cases)) assert.equal(value(Q.paid, typed), expect, typed);
  assert.equal(parse(Q.paid, '1.2万').note, '1.2万 = 12,000 元', 'says what it became');
  assert.equal(parse(Q.paid, '1.2万', 'en').note, '1.2万 = 12,000 yuan');
  assert.equal(parse(Q.paid, '12000元').note, null, 'a unit alone changes nothing worth saying');
  assert.equal(value(Q.paid, 56789.12), '56789.12', 'a number from a spreadsheet cell');
});

test('money: a wrong amount is refused in plain words, with an example of a correct entry', () => {
  for (const [typed, says] of [['12.345', /最多到分/], ['1.23456789万', /最多到分/], ['-3', /不能是负数/], ['abc', /例如 56789\.12、5\.6万 或 12000元/],
                               ['1.2.3', /例如/], ['万', /例如/]]) {
    const r = parse(Q.paid, typed);
    assert.equal(r.ok, false, typed);
    assert.match(r.message, says, typed);
    assert.match(r.message, /例如/, `${typed}: an example`);
  }
  assert.match(parse(Q.paid, 'abc', 'en').message, /^Please enter an amount in yuan, for example 56789\.12/);
});

test('months: 年 where months are asked, said as what it became', () => {
  const cases = { '18': 18, '18个月': 18, '18月': 18, '18年': 216, '1年6个月': 18, '1年零6个月': 18, '一年半': 18, '1年半': 18,
                  '半年': 6, '1.5年': 18, '两年': 24, '十八个月': 18, '2 years': 24, '18 months': 18, '１８个月': 18 };
  for (const [typed, expect] of Object.entries(cases)) assert.equal(value(Q.months, typed), expect, typed);
  assert.equal(parse(Q.months, '18年').note, '18年 = 216 个月');
  assert.equal(parse(Q.months, '18年', 'en').note, '18年 = 216 months');
  assert.equal(parse(Q.months, '18').note, null);
  assert.match(parse(Q.months, '1.3年').message, /整月/, '15.6 months is no whole number');
  assert.match(parse(Q.months, '3.5').message, /不要带小数/);
  assert.match(parse(Q.months, '101年').message, /0 到 1,200 之间/, 'the question\'s bounds, in plain figures');
  assert.match(parse(Q.months, '很多').message, /例如 18、18个月 或 1年6个月/);
  assert.equal(value(Q.toRetire, '-6'), -6, 'negative where the question allows it');
  assert.equal(value(Q.toRetire, '负6个月'), -6);
});

test('counts: 人 and 名, Chinese numerals, 万; bounds from the question', () => {
  assert.equal(value(Q.headcount, '80'), 80);
  assert.equal(value(Q.headcount, '80人'), 80);
  assert.equal(value(Q.headcount, '80 名'), 80);
  assert.equal(value(Q.headcount, '八十'), 80);
  assert.equal(value(Q.headcount, '1万'), 10000);
  assert.equal(parse(Q.headcount, '1万').note, '1万 = 10,000 人');
  assert.equal(value(Q.layoffs, '0'), 0);
  assert.equal(value(Q.layoffs, '-0'), 0);
  assert.match(parse(Q.headcount, '0').message, /请填写 1 到 10,000,000 之间的数，例如 12/);
  assert.match(parse(Q.layoffs, '-3').message, /不能是负数/);
  assert.match(parse(Q.layoffs, '3.5').message, /请填写整数，不要带小数，例如 12/);
  assert.match(parse(Q.layoffs, 'three', 'en').message, /^Please enter a whole number, digits only, for example 12\.$/);
  assert.match(parse(Q.headcount, '99999999').message, /1 到 10,000,000 之间/);
  assert.match(parse(Q.headcount, '1234567890123456789012345678901234567890').message, /1 到 10,000,000 之间/, 'beyond exact numbers too');
});

test('levels: Chinese names and ordinals; a list of levels from the level question\'s options', () => {
  const cases = { 四级: 4, 中级工: 4, 中级: 4, 四级工: 4, 4: 4, '4级': 4, 四: 4, 高级: 3, 高级工: 3, 技师: 2, 高级技师: 1, 初级: 5,
                  '五级/初级工': 5, 'level 4': 4, 'Level 5 (elementary)': 5 };
  for (const [typed, expect] of Object.entries(cases)) assert.equal(value(Q.level, typed), expect, typed);
  assert.equal(parse(Q.level, '中级工').note, '中级工 = 四级/中级工');
  assert.equal(parse(Q.level, 4).note, null, 'a radio button gives the value itself');
  assert.match(parse(Q.level, '九级').message, /请从选项中选一个，例如“五级\/初级工”/);
  assert.deepEqual(value(Q.previous, [4, 5]), [5, 4], 'check boxes: option values, larger numbers first');
  assert.deepEqual(value(Q.previous, ['4']), [4], 'values as a form gives them');
  assert.deepEqual(value(Q.previous, []), [], 'none ticked is an answer: none');
  assert.deepEqual(value(Q.previous, '四级、五级'), [5, 4], 'typed: 顿号-separated names');
  assert.deepEqual(value(Q.previous, '中级工，初级工'), [5, 4]);
  assert.match(parse(Q.previous, '四级、九级').message, /例如“五级\/初级工、四级\/中级工”/);
});

test('choices, yes/no, dates and text', () => {
  assert.equal(value(Q.unit, 'enterprise'), 'enterprise');
  assert.equal(value(Q.unit, '企业'), 'enterprise');
  assert.equal(value(Q.unit, 'Enterprise'), 'enterprise');
  assert.equal(parse(Q.unit, '企业').note, null, 'the label itself needs no note');
  assert.equal(value(Q.size, '中小微'), 'sme', 'a unique part of a label');
  assert.match(parse(Q.unit, '公司').message, /例如“企业”/);
  for (const yes of ['是', '是的', '有', 'yes', 'Y', 'true', '1', '√', true]) assert.equal(value(Q.flag, yes), true, String(yes));
  for (const no of ['否', '不是', '没有', '无', 'no', 'false', '0', '×', false]) assert.equal(value(Q.flag, no), false, String(no));
  assert.match(parse(Q.flag, '也许').message, /“是”或“否”/);
  for (const d of ['2024-07-01', '2024-7-1', '2024/07/01', '2024.7.1', '2024年7月1日', '20240701', '２０２４－０７－０１']) {
    assert.equal(value(Q.since, d), '2024-07-01', d);
  }
  assert.match(parse(Q.since, '2023-02-29').message, /没有这一天/);
  assert.match(parse(Q.since, '昨天').message, /例如 2024-07-01/);
  assert.equal(value(Q.occupation, '  电工 '), '电工');
});

test('an emptied field is empty: blank text and no choice are "not answered"', () => {
  for (const blank of ['', '   ', '\u3000', undefined, null]) {
    for (const q of [Q.paid, Q.months, Q.unit, Q.flag, Q.since, Q.occupation]) {
      assert.deepEqual(F.parseAnswer(q, blank, { questions: QUESTIONS }), { empty: true }, `${q.type} ${JSON.stringify(blank)}`);
    }
  }
});

test('no message carries an internal id, in either language', () => {
  const wrong = [[Q.paid, 'x'], [Q.paid, '1.001'], [Q.paid, '-1'], [Q.months, 'x'], [Q.months, '1.3年'], [Q.headcount, '0'],
                 [Q.layoffs, '1.5'], [Q.level, 'x'], [Q.previous, 'x'], [Q.unit, 'x'], [Q.flag, 'x'], [Q.since, 'x'], [Q.since, '2023-02-30']];
  for (const lang of ['zh', 'en']) {
    for (const [q, raw] of wrong) {
      const r = parse(q, raw, lang);
      assert.equal(r.ok, false);
      assert.doesNotMatch(r.message, /[a-z]+_[a-z_]+/, `${q.fact} ${lang}: ${r.message}`);
      assert.ok(!r.message.includes(q.fact), `${q.fact} ${lang}: ${r.message}`);
      if (lang === 'en') assert.doesNotMatch(r.message, /[\u4e00-\u9fff]{2}/, `English words: ${r.message}`);
    }
  }
});

test('engine messages lose their ids; an English page gets English words and the Chinese original', () => {
  assert.equal(F.plainMessage('“上年度裁员人数（新增领金人数）”（layoffs）必须在 0 到 10000000 之间，收到的是 -3'),
               '“上年度裁员人数（新增领金人数）”必须在 0 到 10000000 之间，收到的是 -3');
  assert.equal(F.plainMessage('“单位类型”（unit_type）应为以下之一：enterprise（企业）、social_group（社会团体）'),
               '“单位类型”应为以下之一：企业、社会团体');
  assert.equal(F.plainMessage('执行期（六）(got -3)'), '执行期（六）(got -3)', 'clause numbers and figures stay');
  const invalid = { code: 'invalid_fact', path: '/facts/insured_headcount', message: '“上年末单位参保人数”（insured_headcount）必须是整数' };
  assert.deepEqual(F.responseError(invalid, QUESTIONS, 'zh'),
                   { where: 'fact', fact: 'insured_headcount', message: '“上年末单位参保人数”必须是整数', original: null });
  const inEnglish = F.responseError(invalid, QUESTIONS, 'en');
  assert.equal(inEnglish.fact, 'insured_headcount');
  assert.match(inEnglish.message, /^Please enter a whole number/);
  assert.equal(inEnglish.original, '“上年末单位参保人数”必须是整数');
  const conflict = F.responseError({ code: 'inconsistent_facts', path: '/facts/layoffs', message: '上年度裁员人数 81 人，不能多于上年末参保人数 80 人' }, QUESTIONS, 'en');
  assert.match(conflict.message, /does not fit another answer/);
  assert.equal(F.responseError({ code: 'invalid_fact', path: '/facts/layoffs', message: 'Layoffs must be a whole number' }, QUESTIONS, 'en').message,
               'Layoffs must be a whole number', 'English from the engine is shown as it comes');
  assert.deepEqual(F.responseError({ code: 'no_policy_in_force', path: '/date', message: '…', latest: { id: 'x' } }, QUESTIONS, 'zh'),
                   { where: 'nopolicy', latest: { id: 'x' } });
  assert.equal(F.responseError({ code: 'invalid_request', path: '/date', message: '日期无效' }, QUESTIONS, 'zh').where, 'where');
  assert.equal(F.responseError({ code: 'invalid_json', path: '', message: '请求无效' }, QUESTIONS, 'zh').where, 'screen');
});

test('Chinese numerals, and what is no numeral', () => {
  const cases = { 十八: 18, 两: 2, 一百二十: 120, 一百零五: 105, 十万: 100000, 三万五千: 35000, '1万2千': 12000, '12万3456': 123456,
                  一亿二千万: 120000000, 二〇二四: 2024, 零: 0, 壹佰: 100 };
  for (const [text, n] of Object.entries(cases)) assert.equal(F.chineseInteger(text), n, text);
  for (const text of ['万', '亿', 'abc', '十八a', '']) assert.equal(F.chineseInteger(text), null, text);
});

test('the plain conversion the mini-program uses today keeps its behaviour', () => {
  assert.equal(F.asciiNumber('１２，３４５．６７'), '12345.67');
  assert.equal(F.answerValue('money', ' 56,789.12 '), '56789.12');
  assert.equal(F.answerValue('money', '-3'), '-3', 'the engine, not this conversion, rejects it');
  assert.equal(F.answerValue('count', '４'), 4);
  assert.equal(F.answerValue('count', '3.5'), 3.5);
  assert.equal(F.answerValue('count', 'three'), 'three');
  assert.equal(F.answerValue('integer', '-12'), -12);
  assert.equal(F.answerValue('count', '99999999999999999999'), '99999999999999999999', 'beyond exact doubles: sent as text');
});

test('a month of birth: "1965年8月", "1965.8", "196508" become "1965-08"; the control is typed text; a wrong entry gets the example', () => {
  const cases = { '1965-08': '1965-08', '1965年8月': '1965-08', '1965年08月': '1965-08', '1965.8': '1965-08', '1965/8': '1965-08',
    '196508': '1965-08', '１９６５－０８': '1965-08', ' 1976-12 ': '1976-12' };
  for (const [raw, want] of Object.entries(cases)) assert.equal(value(Q.born, raw), want, raw);
  assert.equal(parse(Q.born, '1965年8月').note, '1965年8月 = 1965-08');
  assert.equal(parse(Q.born, '1965-08').note, null, 'nothing converted, nothing said');
  for (const bad of ['1965-13', '1965-00', '65-08', '1965', '1965-08-01', '八月']) {
    const r = parse(Q.born, bad);
    assert.equal(r.ok, false, bad);
    assert.match(r.message, /1965-08/);
  }
  assert.match(parse(Q.born, 'x', 'en').message, /year and month.*1965-08/);
  assert.deepEqual(F.controlOf(Q.born, QUESTIONS), { kind: 'month', options: [], keyboard: 'text' });
  assert.match(F.hintFor(Q.born, 'zh', QUESTIONS), /1965-08/);
});
