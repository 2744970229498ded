// One journey (稳岗返还 / 技能提升补贴 / 失业保险金 …). The page holds no rule
// and no journey logic: its state is the shared journey's
// (shared/journey.js, the same the web page runs), which says what to ask,
// reads the answers into facts, edits one answer from the result and
// changes the date or the region keeping the answers; what to ask comes
// from the engine's `questions` and `missing`; which policy applies is the
// engine's answer. The page only runs the engine calls the journey asks
// for and draws the state (through utils/views.js). Nothing leaves the
// phone.
//
// Page modes, from the journey's screen: 'form' (where, when, every question
// at once, 计算: the journey's 'form' screen, and 'nopolicy'), 'result',
// 'edit' (one answer opened from the result: the journey's 'question'
// screen; 确定 goes straight back to the result) and 'where' (the date or the
// region changed from the result: the journey's 'where' screen).
'use strict';

var engine = require('../../core/engine.js');
var views = require('../../utils/views.js');

var F = views.F;
var J = views.J;
var LANG = views.LANG;
var DEFAULT_PROGRAM = 'stabilization_refund';
var DEFAULT_REGION = '000000';

var HINT = {
  ask: '请回答下面的问题，然后点“计算”。',
  fix: '请按红字提示改正后再点“计算”。',
  missing: function (n) { return '还有 ' + n + ' 个问题没有回答，请补上后再点“计算”。'; },
  recheck: '申请日期换了年份：请确认标出的回答，然后点“计算”。',
  editAll: '改好后点“重新计算”。',
};

/** The same state on the form screen (the mini-program asks everything at once). */
function inForm(s) {
  return Object.assign({}, s, { screen: 'form', editing: false });
}

/** The page mode that draws a journey screen. */
function modeOf(s) {
  if (s.screen === 'result') return 'result';
  if (s.screen === 'question') return 'edit';
  if (s.screen === 'where' && s.rescoping) return 'where';
  return 'form';
}

Component({
  data: {
    loading: true,
    comparing: false,
    comparison: null,   // 与往年比较, drawn below the result until the answers change
    compareError: '',
    loadError: '',
    program: DEFAULT_PROGRAM,
    programTitle: '',
    date: '',
    provinceLabels: [],
    provinceIndex: 0,
    cityLabels: [],
    cityIndex: 0,
    cityNote: '',
    policyLabels: [],
    policyIndex: 0,
    noPolicy: null,
    mode: 'form',
    questions: [],
    askHint: '',
    formError: '',
    computing: false,
    computed: false,
    result: null,
  },

  lifetimes: {
    created: function () {
      this._idle = Promise.resolve();
      this._presetRegion = '';
      this._s = J.start({ program: DEFAULT_PROGRAM, province: DEFAULT_REGION, form: true });
      this._choices = [];
      this._pickers = { provinces: [], cities: [''] };
      this._catalog = null;
      this._est = null;
      this._errors = {};          // per fact: the plain message to show at it (the form shows several)
      this._live = {};            // per fact: what the entry being typed becomes ("1.2万 = 12,000 元")
      this._back = null;          // the state the result was drawn from (不改了 returns to it)
      this._editing = null;       // the fact opened from the result
      this._where = null;         // region and date being picked from the result, not yet applied
      this._focus = null;         // the fact whose input gets focus at the next render
      this._lastRequest = null;
    },
  },

  methods: {
    // ---- page lifecycle (a page built with Component: these live in methods) ----

    onLoad: function (query) {
      var q = query || {};
      this._s = J.start({ program: q.program || DEFAULT_PROGRAM, province: DEFAULT_REGION, form: true });
      this._presetRegion = q.region || '';   // a service hall's QR code: a province or prefecture code
      this.setData({ program: this._s.program, date: this._s.date });
      return this._queue(this._start.bind(this));
    },

    onShareAppMessage: function () {
      // The page only: never the figures someone typed.
      return {
        title: (this.data.programTitle || '失业保险待遇') + ' · 手机上自助测算',
        path: '/pages/estimate/estimate?program=' + encodeURIComponent(this._s.program || DEFAULT_PROGRAM),
      };
    },

    /** Resolves when everything started so far has finished (tests wait on it). */
    whenIdle: function () {
      return this._idle;
    },

    // ---- work queue: one engine call sequence at a time, in order ----

    _queue: function (fn) {
      var self = this;
      this._idle = this._idle.then(function () { return fn(); }).catch(function (e) {
        // The calls the journey asked for were not made: it asks again at the next step.
        self._s = Object.assign({}, self._s, { need: null });
        self.setData({ formError: engine.messageOf(e), computing: false });
      });
      return this._idle;
    },

    /** The engine calls the journey asks for, one after another, until it needs none. */
    _loop: function () {
      var self = this;
      var s = this._s;
      if (!s.need) return Promise.resolve();
      var request = J.requestOf(s);
      if (s.need === 'estimate') this._lastRequest = request;
      return this._est[s.need](request).then(function (res) {
        // The current state: what was typed meanwhile stays.
        self._s = J.received(self._s, res, LANG);
        return self._loop();
      });
    },

    /** Goes to `next`, makes the engine calls it needs, and shows where that leads. */
    _go: function (next, submitted) {
      this._s = next;
      return this._loop().then(this._after.bind(this, submitted));
    },

    _start: function () {
      var self = this;
      this.setData({ loading: true, loadError: '' });
      return engine.getEstimator().then(function (est) {
        self._est = est;
        return est.catalog();
      }).then(function (catalog) {
        self._catalog = catalog;
        var title = '';
        (catalog.programs || []).forEach(function (p) { if (p.id === self._s.program) title = p.title; });
        var s = self._s;
        var where = F.regionOf(catalog, self._presetRegion) || { province: s.province, city: s.city };
        if (typeof wx !== 'undefined' && wx.setNavigationBarTitle && title) wx.setNavigationBarTitle({ title: title });
        self.setData({ loading: false, programTitle: title });
        var w = self._showWhere({ province: where.province, city: where.city, date: s.date });
        self._s = J.setWhere(s, w);
        self._setPolicy('');
        return self._go(inForm(self._s), false);
      }, function (e) {
        self.setData({ loading: false, loadError: engine.messageOf(e) });
      });
    },

    _region: function () {
      return this._s.city || this._s.province;
    },

    /** The region pickers and the date as `w` says; returns the region as the pickers hold it. */
    _showWhere: function (w) {
      var pickers = views.regionPickers(this._catalog, w.province, w.city);
      this._pickers = pickers;
      this.setData(Object.assign({ date: w.date }, pickers.data));
      return {
        province: pickers.provinces[pickers.data.provinceIndex] || w.province,
        city: pickers.cities[pickers.data.cityIndex] || '',
        date: w.date,
      };
    },

    /** The policy picker: "the one in force on the date" first, then the region's policies (display only). */
    _setPolicy: function (id) {
      this._choices = F.policyChoices(this._catalog, this._s.program, this._region(), LANG);
      var idx = 0;
      for (var i = 0; i < this._choices.length; i++) if (this._choices[i].id === id) idx = i;
      if (id && this._choices[idx].id !== id) {
        // Not in the picker's list for this region (the engine's latest policy): listed all the same.
        var offer = this._s.policyInfo ? F.policyView(this._s.policyInfo, LANG) : null;
        this._choices.push({ id: id, label: offer ? offer.docNo : id });
        idx = this._choices.length - 1;
      }
      this.setData({ policyLabels: this._choices.map(function (c) { return c.label; }), policyIndex: idx });
      return this._choices[idx].id;
    },

    // ---- what the journey's state looks like ----

    /**
     * After the engine calls: the result, the form (an answer the engine
     * refused, a question still to answer, an answer to confirm for another
     * year) or the no-policy offer. `submitted`: 计算 or 确定 was tapped.
     */
    _after: function (submitted) {
      var s = this._s;
      var formError = '';
      var askHint = '';
      var result = null;
      var noPolicy = null;
      var missing = (s.result && s.result.missing) || [];
      if (s.screen === 'nopolicy') {
        var place = F.regionName(this._catalog, this._region(), LANG);
        noPolicy = views.noPolicyView(F.policyView(s.policyInfo, LANG), s.date, place, this.data.programTitle);
      } else if (s.error && s.error.where === 'fact') {
        // At the question it names: the one being edited stays open, any other opens the form.
        this._errors[s.error.fact] = s.error.message;
        this._focus = s.error.fact;
        if (!(s.screen === 'question' && s.error.fact === this._editing)) s = inForm(s);
      } else if (s.error) {
        formError = s.error.message || engine.messageOf(null);
        if (s.screen === 'where' && !s.rescoping) s = inForm(s);
      } else if (submitted && (missing.length || s.recheck.length)) {
        // A changed answer, date or region can bring a new question: back to the form, marked.
        var required = F.words(LANG).errors.required;
        for (var i = 0; i < missing.length; i++) this._errors[missing[i]] = required;
        this._focus = missing[0] || s.recheck[0];
        s = inForm(s);
        askHint = missing.length ? HINT.missing(missing.length) : HINT.recheck;
      } else if (submitted) {
        s = Object.assign({}, s, { screen: 'result' });
        result = this._card(s);
      } else {
        s = inForm(s);
        if (missing.length) askHint = HINT.ask;
      }
      this._s = s;
      if (s.screen !== 'question' && s.screen !== 'where') {
        this._back = null;
        this._editing = null;
      }
      this.setData({ noPolicy: noPolicy, formError: formError, askHint: askHint, result: result, computing: false,
                     computed: this.data.computed || result !== null, comparison: null, compareError: '' });
      this._render();
      if (typeof wx !== 'undefined' && wx.pageScrollTo) {
        if (result) wx.pageScrollTo({ selector: '#result', duration: 200 });
        else if (this._focus) wx.pageScrollTo({ selector: '#q-' + this._focus, duration: 200 });
      }
    },

    _card: function (s) {
      return views.resultCard(s.result, {
        questions: s.questions,
        facts: s.facts,
        open: s.result.optional_missing || [],
        where: [F.regionName(this._catalog, this._region(), LANG), s.date].join(' · '),
        date: s.date,
      });
    },

    /** The questions on screen: the form's (the journey's formFacts), or the one being edited. */
    _render: function () {
      var self = this;
      var s = this._s;
      var mode = modeOf(s);
      var shown = [];
      if (mode === 'edit') shown = [s.current];
      else if (mode === 'form' && s.screen !== 'nopolicy') shown = J.formFacts(s, this._errors);
      var focus = this._focus;
      this._focus = null;
      var list = shown.map(function (fact) {
        var q = self._question(fact);
        return q && views.questionView(q, s.questions, {
          draft: s.drafts[fact],
          error: self._errors[fact],
          note: fact in self._live ? self._live[fact] : s.notes[fact],
          needed: J.isRequired(s, fact),
          recheck: s.recheck.indexOf(fact) >= 0,
          date: s.date,
          focus: fact === focus || (mode === 'edit' && !focus),
        });
      }).filter(Boolean);
      this.setData({ mode: mode, questions: list });
    },

    _question: function (fact) {
      var qs = this._s.questions;
      for (var i = 0; i < qs.length; i++) if (qs[i].fact === fact) return qs[i];
      return null;
    },

    // ---- where and when: on the form at once; from the result ('where') on 确定 ----

    /** A new region or date: on the form the engine is asked at once; from the result it waits for 确定. */
    _moveTo: function (w) {
      var self = this;
      if (this.data.mode === 'where') {
        this._where = this._showWhere(w);
        return this._idle;
      }
      return this._queue(function () {
        var where = self._showWhere(w);
        var next = J.setWhere(self._s, where);
        self._s = next;
        self._setPolicy('');
        return self._go(inForm(next), false);
      });
    },

    _whereNow: function () {
      var s = this._s;
      return this.data.mode === 'where' && this._where ? this._where : { province: s.province, city: s.city, date: s.date };
    },

    onProvince: function (e) {
      var code = this._pickers.provinces[Number(e.detail.value)];
      if (!code) return this._idle;
      return this._moveTo({ province: code, city: '', date: this._whereNow().date });
    },

    onCity: function (e) {
      var idx = Number(e.detail.value);
      if (!(idx >= 0 && idx < this._pickers.cities.length)) return this._idle;
      var w = this._whereNow();
      return this._moveTo({ province: w.province, city: this._pickers.cities[idx], date: w.date });
    },

    onApplyDate: function (e) {
      var r = F.readDate(String(e.detail.value || ''));
      if (r.error) return this._idle;
      var w = this._whereNow();
      return this._moveTo({ province: w.province, city: w.city, date: r.value });
    },

    /** A policy chosen in the picker is evaluated as chosen, in force on the date or not. */
    onPolicy: function (e) {
      var self = this;
      var idx = Number(e.detail.value);
      if (!(idx >= 0 && idx < this._choices.length)) return this._idle;
      return this._queue(function () {
        var id = self._setPolicy(self._choices[idx].id);
        return self._go(inForm(J.choosePolicy(self._s, id)), false);
      });
    },

    /** The no-policy notice's offer: estimate under the latest policy the engine named. */
    onUseLatest: function () {
      var self = this;
      if (this._s.screen !== 'nopolicy' || !this._s.policyInfo) return this._idle;
      return this._queue(function () {
        var next = J.useLatest(self._s);
        self._s = next;
        self._setPolicy(next.policy);
        return self._go(inForm(next), false);
      });
    },

    // ---- answers: kept as entered, read by the journey on 计算 / 确定 ----

    _entered: function (fact, draft, rerender) {
      var s = J.draft(this._s, fact, draft);
      if (s.error && s.error.fact === fact) s.error = null;
      this._s = s;
      delete this._errors[fact];
      var q = this._question(fact);
      var r = q ? views.parse(q, s.questions, draft) : { empty: true };
      // Says at once what a converted entry became ("1.2万 = 12,000 元").
      this._live[fact] = r.ok && r.note ? r.note : '';
      if (rerender) return this._render();
      // Typing: update the note and the error of that question only, so the input keeps its cursor.
      var idx = -1;
      for (var i = 0; i < this.data.questions.length; i++) if (this.data.questions[i].fact === fact) idx = i;
      if (idx < 0) return undefined;
      var patch = {};
      patch['questions[' + idx + '].note'] = this._live[fact];
      patch['questions[' + idx + '].error'] = '';
      patch['questions[' + idx + '].value'] = draft;
      return this.setData(patch);
    },

    onInput: function (e) {
      this._entered(e.currentTarget.dataset.fact, String(e.detail.value), false);
    },

    onChoice: function (e) {
      var fact = e.currentTarget.dataset.fact;
      var q = this._question(fact);
      if (q) this._entered(fact, views.entered(q, this._s.questions, e.detail.value), true);
    },

    onCheck: function (e) {
      var fact = e.currentTarget.dataset.fact;
      var q = this._question(fact);
      if (q) this._entered(fact, views.entered(q, this._s.questions, e.detail.value), true);
    },

    /** A date picker ('YYYY-MM-DD') or a month picker ('YYYY-MM', 出生年月). */
    onPickDate: function (e) {
      this._entered(e.currentTarget.dataset.fact, String(e.detail.value || ''), true);
    },

    onCompute: function () {
      if (!this._est || this._s.screen === 'nopolicy') return this._idle;
      var self = this;
      var read = J.answerAll(this._s, LANG);
      this._errors = read.errors;
      this._live = {};
      var first = Object.keys(read.errors)[0];
      if (first !== undefined) {
        this._s = read.state;
        this._focus = first;
        this.setData({ formError: '', askHint: HINT.fix });
        this._render();
        if (typeof wx !== 'undefined' && wx.pageScrollTo) wx.pageScrollTo({ selector: '#q-' + first, duration: 200 });
        return this._idle;
      }
      // Every question on the form was read: an answer to confirm for another year is confirmed.
      var next = inForm(Object.assign(read.state, { recheck: [] }));
      this.setData({ computing: true });
      return this._queue(function () { return self._go(next, true); });
    },

    // ---- from the result: one answer, all answers, the date or the region, a fresh start ----

    onEdit: function (e) {
      var fact = e.currentTarget.dataset.fact;
      var s = this._s;
      if (s.screen !== 'result' || !this._question(fact)) return this._idle;
      this._back = s;
      this._editing = fact;
      var next = J.edit(s, fact);
      // An answer given but never typed here is shown as its value.
      if (next.drafts[fact] === undefined && next.facts[fact] !== undefined) next = J.draft(next, fact, next.facts[fact]);
      this._s = next;
      delete this._errors[fact];
      delete this._live[fact];
      this._render();
      if (typeof wx !== 'undefined' && wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      return this._idle;
    },

    onEditDone: function () {
      var self = this;
      var s = this._s;
      if (s.screen !== 'question' || !s.current) return this._idle;
      var fact = s.current;
      var next = J.answer(s, fact, s.drafts[fact], LANG);
      delete this._errors[fact];
      delete this._live[fact];
      if (next.error) {
        // A wrong or emptied answer: its message at the question, nothing sent.
        this._s = next;
        this._errors[fact] = next.error.message;
        this._render();
        return this._idle;
      }
      this.setData({ computing: true });
      return this._queue(function () { return self._go(next, true); });
    },

    /** 不改了: the result as it was, with the answers it was computed with. */
    _backToResult: function () {
      if (!this._back) return this._idle;
      var s = this._back;
      var fact = this._s.current;
      if (fact) {
        delete this._errors[fact];
        delete this._live[fact];
      }
      this._s = s;
      this._back = null;
      this._editing = null;
      this._where = null;
      this._showWhere({ province: s.province, city: s.city, date: s.date });
      // The card again: an engine error on the way may have taken it off the page.
      this.setData({ result: this._card(s), formError: '', askHint: '', computing: false });
      this._render();
      return this._idle;
    },

    onEditCancel: function () {
      return this._backToResult();
    },

    onEditAll: function () {
      this._s = inForm(this._s);
      this._back = null;
      this._editing = null;
      this.setData({ askHint: HINT.editAll });
      this._render();
      return this._idle;
    },

    /** 改日期或地区: the pickers again, every answer kept; 确定 applies them. */
    onRescope: function () {
      var s = this._s;
      if (s.screen !== 'result') return this._idle;
      this._back = s;
      this._where = { province: s.province, city: s.city, date: s.date };
      this._s = J.rescope(s);
      this._render();
      if (typeof wx !== 'undefined' && wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      return this._idle;
    },

    onRescopeDone: function () {
      var self = this;
      if (this.data.mode !== 'where') return this._idle;
      var where = this._whereNow();
      this.setData({ computing: true });
      return this._queue(function () {
        // Answers whose label says 上年 are asked again when the year moved (the journey's recheck).
        var next = J.setWhere(self._s, where);
        self._where = null;
        self._s = next;
        self._setPolicy('');
        return self._go(inForm(next), true);
      });
    },

    onRescopeCancel: function () {
      return this._backToResult();
    },

    onRestart: function () {
      var self = this;
      var s = this._s;
      this._errors = {};
      this._live = {};
      this._back = null;
      this.setData({ result: null, computed: false });
      return this._queue(function () {
        var fresh = J.setWhere(J.start({ program: s.program, form: true }), { province: s.province, city: s.city, date: s.date });
        // The policy chosen (the latest one, offered when none is in force) stays chosen.
        return self._go(inForm(Object.assign(fresh, { policy: s.policy })), false);
      });
    },

    /**
     * 与往年比较: the same answers under every policy the region has had and
     * the variants of this one (Estimator#compare), below the result.
     */
    onCompare: function () {
      var self = this;
      var s = this._s;
      if (s.screen !== 'result' || !this._est) return this._idle;
      this.setData({ comparing: true, comparison: null, compareError: '' });
      return this._queue(function () {
        var request = J.requestOf(Object.assign({}, s, { need: 'estimate' }));
        return Promise.all([self._est.compare(request), self._est.questions(request)]).then(function (r) {
          if (!r[0].ok) return self.setData({ comparing: false, compareError: F.plainMessage(r[0].error.message) });
          return self.setData({ comparing: false, comparison: views.comparisonCard(r[0], r[1].ok ? r[1].questions : []) });
        }, function (e) {
          self.setData({ comparing: false, compareError: engine.messageOf(e) });
        });
      });
    },

    onRetryLoad: function () {
      return this._queue(this._start.bind(this));
    },
  },
});
