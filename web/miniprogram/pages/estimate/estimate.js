// One journey (稳岗返还 / 技能提升补贴 / 失业保险金 …). The page holds no rule
// and chooses nothing: what to ask comes from the engine's `questions` and
// its `missing` / `optional_missing`; which policy applies is the engine's
// answer (questions: policy and in_force; no_policy_in_force: error.latest);
// typing becomes contract values, and answers become what people read, in
// the shared front-end layer (shared/uie-front.js, through utils/views.js).
// Nothing leaves the phone.
//
// Three modes: 'form' (where, when, the questions, 计算), 'result' (the
// verdict first, the reasons with their what-ifs, the answers with an edit
// link each) and 'edit' (one answer, opened from the result: 确定 goes
// straight back to the result).
'use strict';

var engine = require('../../core/engine.js');
var views = require('../../utils/views.js');

var F = views.F;
var LANG = views.LANG;
var DEFAULT_PROGRAM = 'stabilization_refund';
var DEFAULT_REGION = '000000';

Component({
  data: {
    loading: true,
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
      this._program = DEFAULT_PROGRAM;
      this._presetRegion = '';
      this._province = DEFAULT_REGION;
      this._city = '';
      this._date = F.today();
      this._policy = '';          // '' = the engine picks the policy in force on the date
      this._choices = [];
      this._offer = null;         // the latest policy the engine offers when none is in force
      this._pickers = { provinces: [], cities: [''] };
      this._catalog = null;
      this._est = null;
      this._questions = [];
      this._drafts = {};          // per fact: what was typed or picked, as entered
      this._notes = {};           // per fact: what a typed text became ("18年 = 216 个月")
      this._errors = {};          // per fact: the plain message to show at it
      this._facts = {};           // the values sent: parsed from the drafts on 计算 / 确定
      this._missing = [];
      this._optional = [];
      this._mode = 'form';
      this._editing = null;
      this._editDraft = undefined;  // the answer being edited, as it was (回到结果 restores it)
      this._editValue = undefined;
      this._focus = null;         // the fact whose input gets focus at the next render
      this._lastRequest = null;
      this._lastResponse = null;
    },
  },

  methods: {
    // ---- page lifecycle (a page built with Component: these live in methods) ----

    onLoad: function (query) {
      var q = query || {};
      this._program = q.program || DEFAULT_PROGRAM;
      this._presetRegion = q.region || '';   // a service hall's QR code: a province or prefecture code
      this.setData({ program: this._program, date: this._date });
      return this._queue(this._start.bind(this));
    },

    onShareAppMessage: function () {
      // The page only: never the figures someone typed.
      return {
        title: (this.data.programTitle || '失业保险待遇') + ' · 手机上自助测算',
        path: '/pages/estimate/estimate?program=' + encodeURIComponent(this._program || DEFAULT_PROGRAM),
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
        self.setData({ formError: engine.messageOf(e), computing: false });
      });
      return this._idle;
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
        (catalog.programs || []).forEach(function (p) { if (p.id === self._program) title = p.title; });
        var preset = F.regionOf(catalog, self._presetRegion);
        if (preset) {
          self._province = preset.province;
          self._city = preset.city;
        }
        if (typeof wx !== 'undefined' && wx.setNavigationBarTitle && title) wx.setNavigationBarTitle({ title: title });
        self.setData({ loading: false, programTitle: title });
        self._setRegion(self._province, self._city);
        return self._loadQuestions();
      }, function (e) {
        self.setData({ loading: false, loadError: engine.messageOf(e) });
      });
    },

    _region: function () {
      return this._city || this._province;
    },

    _request: function (facts) {
      return F.buildRequest({ region: this._region(), date: this._date, program: this._program, policy: this._policy, facts: facts });
    },

    _setRegion: function (province, city) {
      var pickers = views.regionPickers(this._catalog, province, city);
      this._pickers = pickers;
      this._province = pickers.provinces[pickers.data.provinceIndex] || province;
      this._city = pickers.cities[pickers.data.cityIndex] || '';
      this.setData(pickers.data);
      this._setPolicy('');
    },

    /** The policy picker: "the one in force on the date" first, then the region's policies (display only). */
    _setPolicy: function (id) {
      this._choices = F.policyChoices(this._catalog, this._program, this._region(), LANG);
      var idx = 0;
      for (var i = 0; i < this._choices.length; i++) if (this._choices[i].id === id) idx = i;
      this._policy = this._choices[idx].id;
      this.setData({ policyLabels: this._choices.map(function (c) { return c.label; }), policyIndex: idx });
    },

    // ---- engine calls ----

    /** The questions of the policy the engine applies; when none is in force, its offer. */
    _loadQuestions: function () {
      var self = this;
      return this._est.questions(this._request({})).then(function (r) {
        if (!r.ok) {
          self._questions = [];
          return self._showError(r);
        }
        self._questions = r.questions || [];
        var state = F.policyState(r, self._policy, LANG);
        if (state.offer) return self._showNoPolicy(state.offer);
        return self._evaluate(false);
      });
    },

    _showNoPolicy: function (offer) {
      this._offer = offer;
      this._mode = 'form';
      var place = F.regionName(this._catalog, this._region(), LANG);
      this.setData({
        noPolicy: views.noPolicyView(offer, this._date, place, this.data.programTitle),
        formError: '', askHint: '', result: null, computing: false,
      });
      this._render();
    },

    /** The estimate of what has been answered; `submitted`: 计算 or 确定 was tapped. */
    _evaluate: function (submitted) {
      var self = this;
      this._lastRequest = this._request(Object.assign({}, this._facts));
      return this._est.estimate(this._lastRequest).then(function (res) { self._show(res, submitted); });
    },

    _show: function (res, submitted) {
      this._lastResponse = res;
      if (!res.ok) return this._showError(res);
      this._offer = null;
      this._missing = res.missing || [];
      this._optional = res.optional_missing || [];
      var askHint = '';
      var result = null;
      if (submitted && this._missing.length) {
        // A changed answer can bring a new question: back to the form, marked.
        var required = F.words(LANG).errors.required;
        for (var i = 0; i < this._missing.length; i++) this._errors[this._missing[i]] = required;
        this._focus = this._missing[0];
        this._mode = 'form';
        askHint = '还有 ' + this._missing.length + ' 个问题没有回答，请补上后再点“计算”。';
      } else if (submitted) {
        this._mode = 'result';
        result = this._card(res);
      } else {
        this._mode = 'form';
        if (this._missing.length) askHint = '请回答下面的问题，然后点“计算”。';
      }
      this.setData({ noPolicy: null, formError: '', askHint: askHint, result: result, computing: false,
                     computed: this.data.computed || result !== null });
      this._render();
      if (typeof wx !== 'undefined' && wx.pageScrollTo) {
        if (result) wx.pageScrollTo({ selector: '#result', duration: 200 });
        else if (this._focus) wx.pageScrollTo({ selector: '#q-' + this._focus, duration: 200 });
      }
    },

    _card: function (res) {
      return views.resultCard(res, {
        questions: this._questions,
        facts: this._facts,
        open: this._optional,
        where: [F.regionName(this._catalog, this._region(), LANG), this._date].join(' · '),
      });
    },

    /** An error response: at the question it names, as the no-policy offer, or above the form. */
    _showError: function (res) {
      var shown = F.responseError(res.error, this._questions, LANG);
      if (shown.where === 'nopolicy') {
        var offer = F.policyState(res, this._policy, LANG).offer;
        if (offer) return this._showNoPolicy(offer);
      }
      var formError = '';
      if (shown.where === 'fact') {
        this._errors[shown.fact] = shown.message;
        this._focus = shown.fact;
        if (!(this._mode === 'edit' && this._editing === shown.fact)) this._mode = 'form';
      } else {
        formError = shown.message || engine.messageOf(null);
      }
      // The last result stays (hidden in the form), so 回到结果 from an edit still has it.
      this.setData({ formError: formError, computing: false });
      this._render();
    },

    /** The questions on screen: the form's (required ones, and any answered), or the one being edited. */
    _render: function () {
      var self = this;
      var shown = [];
      if (this._mode === 'edit') {
        shown = this._questions.filter(function (q) { return q.fact === self._editing; });
      } else if (this._mode === 'form' && !this.data.noPolicy) {
        shown = this._questions.filter(function (q) {
          var f = q.fact;
          var entered = self._drafts[f] !== undefined && self._drafts[f] !== '';
          // What the engine lists in `missing` is asked, whatever the fact's own `required`
          // (separation_reason is optional as a fact: involuntary may be given instead).
          return entered || self._errors[f] || self._missing.indexOf(f) >= 0;
        });
      }
      var focus = this._focus;
      this._focus = null;
      var list = shown.map(function (q) {
        return views.questionView(q, self._questions, {
          draft: self._drafts[q.fact], error: self._errors[q.fact], note: self._notes[q.fact],
          needed: self._missing.indexOf(q.fact) >= 0,
          focus: q.fact === focus || (self._mode === 'edit' && !focus),
        });
      });
      this.setData({ mode: this._mode, questions: list });
    },

    _question: function (fact) {
      for (var i = 0; i < this._questions.length; i++) if (this._questions[i].fact === fact) return this._questions[i];
      return null;
    },

    // ---- where and when ----

    onProvince: function (e) {
      var code = this._pickers.provinces[Number(e.detail.value)];
      if (!code) return this._idle;
      this._setRegion(code, '');
      return this._queue(this._loadQuestions.bind(this));
    },

    onCity: function (e) {
      var idx = Number(e.detail.value);
      if (!(idx >= 0 && idx < this._pickers.cities.length)) return this._idle;
      this._setRegion(this._province, this._pickers.cities[idx]);
      return this._queue(this._loadQuestions.bind(this));
    },

    onApplyDate: function (e) {
      var r = F.readDate(String(e.detail.value || ''));
      if (r.error) return this._idle;
      this._date = r.value;
      this.setData({ date: this._date });
      this._setPolicy('');
      return this._queue(this._loadQuestions.bind(this));
    },

    onPolicy: function (e) {
      var idx = Number(e.detail.value);
      if (!(idx >= 0 && idx < this._choices.length)) return this._idle;
      this._setPolicy(this._choices[idx].id);
      return this._queue(this._loadQuestions.bind(this));
    },

    /** The no-policy notice's offer: estimate under the latest policy the engine named. */
    onUseLatest: function () {
      if (!this._offer) return this._idle;
      var id = this._offer.id;
      this._setPolicy(id);
      if (this._policy !== id) {
        // Not in the picker's list for this region: chosen all the same.
        this._policy = id;
        this._choices.push({ id: id, label: this._offer.docNo });
        this.setData({ policyLabels: this._choices.map(function (c) { return c.label; }), policyIndex: this._choices.length - 1 });
      }
      this._offer = null;
      return this._queue(this._loadQuestions.bind(this));
    },

    // ---- answers: kept as entered, read by the shared layer on 计算 / 确定 ----

    _entered: function (fact, draft, rerender) {
      this._drafts[fact] = draft;
      delete this._errors[fact];
      var q = this._question(fact);
      var r = q ? views.parse(q, this._questions, draft) : { empty: true };
      // Says at once what a converted entry became ("1.2万 = 12,000 元").
      this._notes[fact] = r.ok && r.note ? r.note : '';
      if (rerender) return this._render();
      // Typing: update the note and the error of that question only, so the input keeps its cursor.
      var idx = -1;
      for (var i = 0; i < this.data.questions.length; i++) if (this.data.questions[i].fact === fact) idx = i;
      if (idx < 0) return undefined;
      var patch = {};
      patch['questions[' + idx + '].note'] = this._notes[fact];
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
      if (q) this._entered(fact, views.entered(q, this._questions, e.detail.value), true);
    },

    onCheck: function (e) {
      var fact = e.currentTarget.dataset.fact;
      var q = this._question(fact);
      if (q) this._entered(fact, views.entered(q, this._questions, e.detail.value), true);
    },

    onPickDate: function (e) {
      this._entered(e.currentTarget.dataset.fact, String(e.detail.value || ''), true);
    },

    /** Reads one draft into the facts; false (with the message at the question) when it is wrong. */
    _read: function (q) {
      var f = q.fact;
      var r = views.parse(q, this._questions, this._drafts[f]);
      if (r.empty) {
        // An emptied field is empty: nothing typed before comes back.
        delete this._facts[f];
        delete this._drafts[f];
        delete this._notes[f];
        return true;
      }
      if (!r.ok) {
        this._errors[f] = r.message;
        return false;
      }
      this._facts[f] = r.value;
      this._notes[f] = r.note || '';
      return true;
    },

    onCompute: function () {
      if (!this._est || this.data.noPolicy) return this._idle;
      var self = this;
      var first = null;
      this._facts = {};
      this._errors = {};
      this._questions.forEach(function (q) {
        if (self._drafts[q.fact] === undefined) return;
        if (!self._read(q) && first === null) first = q.fact;
      });
      if (first !== null) {
        this._focus = first;
        this.setData({ formError: '', askHint: '请按红字提示改正后再点“计算”。' });
        this._render();
        if (typeof wx !== 'undefined' && wx.pageScrollTo) wx.pageScrollTo({ selector: '#q-' + first, duration: 200 });
        return this._idle;
      }
      this.setData({ computing: true });
      return this._queue(this._evaluate.bind(this, true));
    },

    // ---- from the result: one answer, all answers, a fresh start ----

    onEdit: function (e) {
      var fact = e.currentTarget.dataset.fact;
      if (!this._question(fact)) return this._idle;
      this._mode = 'edit';
      this._editing = fact;
      this._editDraft = this._drafts[fact];
      this._editValue = this._facts[fact];
      if (this._drafts[fact] === undefined && this._facts[fact] !== undefined) this._drafts[fact] = this._facts[fact];
      delete this._errors[fact];
      this._render();
      if (typeof wx !== 'undefined' && wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      return this._idle;
    },

    onEditDone: function () {
      var q = this._question(this._editing);
      if (!q) return this._idle;
      delete this._errors[q.fact];
      var r = views.parse(q, this._questions, this._drafts[q.fact]);
      if (r.empty && q.required !== false) {
        this._errors[q.fact] = F.words(LANG).errors.required;
        this._render();
        return this._idle;
      }
      if (!this._read(q)) {
        this._render();
        return this._idle;
      }
      this._editing = null;
      this.setData({ computing: true });
      return this._queue(this._evaluate.bind(this, true));
    },

    onEditCancel: function () {
      var fact = this._editing;
      if (fact) {
        // Back to the answer the result was computed with.
        if (this._editDraft === undefined) delete this._drafts[fact];
        else this._drafts[fact] = this._editDraft;
        if (this._editValue === undefined) delete this._facts[fact];
        else this._facts[fact] = this._editValue;
        this._notes[fact] = '';
        delete this._errors[fact];
      }
      this._editing = null;
      this._mode = 'result';
      this._render();
      return this._idle;
    },

    onEditAll: function () {
      this._mode = 'form';
      this._editing = null;
      this.setData({ askHint: '改好后点“重新计算”。' });
      this._render();
      return this._idle;
    },

    onRestart: function () {
      this._drafts = {};
      this._notes = {};
      this._errors = {};
      this._facts = {};
      this._editing = null;
      this.setData({ result: null, computed: false });
      return this._queue(this._loadQuestions.bind(this));
    },

    onRetryLoad: function () {
      return this._queue(this._start.bind(this));
    },
  },
});
