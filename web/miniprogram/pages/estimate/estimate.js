// One journey (稳岗返还 / 技能提升补贴 / 失业保险金 …): region and policy,
// the engine's questions, the result card. The page holds no rule: what to
// ask comes from the engine's `questions` and its `missing` then
// `optional_missing` lists; every figure and sentence of the result comes
// from the engine's response. Nothing leaves the phone.
'use strict';

var engine = require('../../core/engine.js');
var form = require('../../utils/form.js');

var DEFAULT_PROGRAM = 'stabilization_refund';
var DEFAULT_REGION = '000000';

Component({
  data: {
    loading: true,
    loadError: '',
    program: DEFAULT_PROGRAM,
    programTitle: '',
    today: '',
    regionLabels: [],
    regionIndex: 0,
    policyLabels: [],
    policyIndex: 0,
    noPolicy: null,
    questions: [],
    askHint: '',
    formError: '',
    computing: false,
    result: null,
  },

  lifetimes: {
    created: function () {
      this._idle = Promise.resolve();
      this._answers = {};
      this._errors = {};
      this._questions = [];
      this._missing = [];
      this._optionalMissing = [];
      this._submitted = false;
      this._region = DEFAULT_REGION;
      this._policy = '';
      this._regions = [];
      this._policies = [];
      this._catalog = null;
      this._est = null;
    },
  },

  methods: {
    // ---- page lifecycle (a page built with Component: these live in methods) ----

    onLoad: function (query) {
      var q = query || {};
      this._program = q.program || DEFAULT_PROGRAM;
      if (q.region && /^\d{6}$/.test(q.region)) this._region = q.region;
      this.setData({ program: this._program, today: form.today() });
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
        var programs = catalog.programs || [];
        var title = '';
        for (var i = 0; i < programs.length; i++) if (programs[i].id === self._program) title = programs[i].title;
        self._regions = form.regionList(catalog);
        var idx = 0;
        for (var j = 0; j < self._regions.length; j++) if (self._regions[j].code === self._region) idx = j;
        if (self._regions.length) self._region = self._regions[idx].code;
        if (typeof wx !== 'undefined' && wx.setNavigationBarTitle && title) wx.setNavigationBarTitle({ title: title });
        self.setData({
          loading: false,
          programTitle: title,
          regionLabels: self._regions.map(function (r) { return r.label; }),
          regionIndex: idx,
        });
        self._setPolicies('');
        return self._evaluate();
      }, function (e) {
        self.setData({ loading: false, loadError: engine.messageOf(e) });
      });
    },

    /**
     * Fills the policy picker for the program and region and selects keepId
     * ('' = the policy in force today). `extra`, a policy of the response
     * (error.latest), is added when the catalog's list for the region lacks it.
     */
    _setPolicies: function (keepId, extra) {
      this._policies = form.policyOptions(this._catalog, this._program, this._region, this.data.today);
      var idx = -1;
      for (var i = 0; i < this._policies.length; i++) if (this._policies[i].id === keepId) idx = i;
      if (idx < 0 && keepId && extra) {
        this._policies.push({ id: keepId, label: form.policyLabel(extra, this._program) });
        idx = this._policies.length - 1;
      }
      if (idx < 0) idx = 0;
      this._policy = this._policies[idx].id;
      this.setData({ policyLabels: this._policies.map(function (p) { return p.label; }), policyIndex: idx });
    },

    _request: function (facts) {
      return form.buildRequest({
        region: this._region, date: this.data.today, program: this._program,
        policy: this._policy, facts: facts,
      });
    },

    /**
     * Asks the engine: the questions for the chosen policy, then the estimate
     * of what has been answered so far. Unanswered questions are marked, and
     * the result card shown, only once the person has tapped 计算.
     */
    _evaluate: function () {
      var self = this;
      var est = this._est;
      return est.questions(this._request({})).then(function (qres) {
        if (!qres.ok) {
          self._questions = [];
          self.setData({ formError: qres.error.message, questions: [], result: null });
          return null;
        }
        self._questions = qres.questions || [];
        var facts = form.factsFrom(self._questions, self._answers);
        self._lastRequest = self._request(facts);
        return est.estimate(self._lastRequest);
      }).then(function (res) {
        if (res) self._show(res);
      });
    },

    _show: function (res) {
      var errors = {};
      var formError = '';
      var noPolicy = null;
      var result = null;
      this._lastResponse = res;
      if (!res.ok) {
        var fact = form.factOfPath(res.error.path);
        if (res.error.code === 'no_policy_in_force') {
          noPolicy = form.noPolicyView(res.error, this.data.programTitle, this.data.today);
        } else if (fact) {
          errors[fact] = res.error.message;
        } else {
          formError = res.error.message;
        }
      } else {
        this._missing = res.missing || [];
        this._optionalMissing = res.optional_missing || [];
        if (this._submitted) {
          for (var i = 0; i < this._missing.length; i++) errors[this._missing[i]] = '请回答这一项';
          if (!this._missing.length) result = form.resultView(res, this.data.programTitle);
        }
      }
      this._errors = errors;
      var askHint = '';
      if (res.ok && this._missing.length) {
        askHint = this._submitted ? '还有 ' + this._missing.length + ' 个问题没有回答，请补上后再点“计算”。'
          : '请回答下面的问题，然后点“计算”。';
      }
      this.setData({
        noPolicy: noPolicy,
        formError: formError,
        askHint: askHint,
        result: result,
        computing: false,
      });
      this._render();
      if (result && typeof wx !== 'undefined' && wx.pageScrollTo) {
        wx.pageScrollTo({ selector: '#result', duration: 200 });
      }
    },

    _render: function () {
      var answered = [];
      for (var k in this._answers) if (!form.isBlank(this._answers[k])) answered.push(k);
      var errs = Object.keys(this._errors);
      var main = [];
      var extra = [];
      var hasResult = !!this.data.result;
      if (!this.data.noPolicy) {
        for (var i = 0; i < this._questions.length; i++) {
          var q = this._questions[i];
          var f = q.fact;
          var keep = answered.indexOf(f) >= 0 || errs.indexOf(f) >= 0;
          if (q.required) {
            if (keep || this._missing.indexOf(f) >= 0) main.push(f);
          } else if (keep || (hasResult && this._optionalMissing.indexOf(f) >= 0)) {
            extra.push(f);
          }
        }
      }
      var views = form.questionViews(this._questions, main, this._answers, this._errors);
      var extraViews = form.questionViews(this._questions, extra, this._answers, this._errors);
      if (extraViews.length) extraViews[0].firstExtra = true;
      var data = { questions: views.concat(extraViews) };
      if (hasResult) {
        var open = 0;
        for (var j = 0; j < extra.length; j++) if (answered.indexOf(extra[j]) < 0) open++;
        data['result.more'] = open ? '上方还有 ' + open + ' 项情况可以补充（可以不填），补充后点“重新计算”结果会更准确。' : '';
      }
      this.setData(data);
    },

    // ---- region and policy ----

    onRegion: function (e) {
      var idx = Number(e.detail.value);
      if (!(idx >= 0 && idx < this._regions.length)) return this._idle;
      this._region = this._regions[idx].code;
      this.setData({ regionIndex: idx });
      this._setPolicies('');
      return this._queue(this._evaluate.bind(this));
    },

    onPolicy: function (e) {
      var idx = Number(e.detail.value);
      if (!(idx >= 0 && idx < this._policies.length)) return this._idle;
      this._setPolicies(this._policies[idx].id);
      return this._queue(this._evaluate.bind(this));
    },

    /** The no-policy notice's offer: estimate under the latest policy. */
    onUseLatest: function () {
      var latest = this._lastResponse && !this._lastResponse.ok && this._lastResponse.error.latest;
      if (!latest) return this._idle;
      this._setPolicies(latest.id, latest);
      return this._queue(this._evaluate.bind(this));
    },

    // ---- answers (kept as typed; checked by the engine on 计算) ----

    _answer: function (fact, raw) {
      this._answers[fact] = raw;
      if (this._errors[fact]) {
        delete this._errors[fact];
        this._render();
      }
    },

    onInput: function (e) {
      this._answer(e.currentTarget.dataset.fact, e.detail.value);
    },

    onRadio: function (e) {
      var fact = e.currentTarget.dataset.fact;
      var v = e.detail.value;
      var q = this._question(fact);
      this._answer(fact, q && q.type === 'bool' ? v === 'true' : v);
      this._render();
    },

    onSwitch: function (e) {
      this._answer(e.currentTarget.dataset.fact, !!e.detail.value);
      this._render();
    },

    onDate: function (e) {
      this._answer(e.currentTarget.dataset.fact, e.detail.value);
      this._render();
    },

    onCheck: function (e) {
      this._answer(e.currentTarget.dataset.fact, (e.detail.value || []).slice());
      this._render();
    },

    _question: function (fact) {
      for (var i = 0; i < this._questions.length; i++) if (this._questions[i].fact === fact) return this._questions[i];
      return null;
    },

    onCompute: function () {
      if (!this._est) return this._idle;
      this._submitted = true;
      this.setData({ computing: true });
      return this._queue(this._evaluate.bind(this));
    },

    onRetryLoad: function () {
      return this._queue(this._start.bind(this));
    },
  },
});
