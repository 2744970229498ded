// Home: who are you, and what do you want to know? Three journeys, big
// buttons, plain words. The engine starts warming up here, so the journey
// page opens ready.
'use strict';

var engine = require('../../core/engine.js');

var JOURNEYS = [
  { program: 'stabilization_refund', who: '我是单位（人事、财务）', what: '算一算稳岗返还能返多少' },
  { program: 'skill_subsidy', who: '我是在职职工', what: '考了技能证书，算一算技能提升补贴' },
  { program: 'unemployment_benefit', who: '我失业了', what: '算一算失业保险金能领多久' },
];

Component({
  data: {
    journeys: JOURNEYS,
    loadError: '',
  },

  methods: {
    onLoad: function () {
      var self = this;
      // Warm the engine; a failure is shown here too, with the same words.
      this._idle = engine.getEstimator().then(function () {
        self.setData({ loadError: '' });
      }, function (e) {
        self.setData({ loadError: engine.messageOf(e) });
      });
      return this._idle;
    },

    whenIdle: function () {
      return this._idle || Promise.resolve();
    },

    onJourney: function (e) {
      var program = e.currentTarget.dataset.program;
      wx.navigateTo({ url: '/pages/estimate/estimate?program=' + encodeURIComponent(program) });
    },

    onShareAppMessage: function () {
      return { title: '失业保险待遇 · 手机上自助测算', path: '/pages/index/index' };
    },
  },
});
