// The notes of an answer, in the order a person should read them: what kind
// of policy this is, what the amount rests on, what was not considered or
// assumed, then the policy's own notes and the disclaimer.
#include "eval/context.h"
#include <algorithm>

#include "eval/derive.h"
#include "eval/select.h"
#include "render/render.h"

namespace uie {
namespace {

class Notes {
 public:
  Notes(const RuleSet& rules, const Request& req, const Result& r, bool en, NoteWriter& w)
      : rules_(rules), m_(rules.messages), req_(req), r_(r), p_(*r.policy), en_(en), w_(w),
        cx_(rules.messages, en, *r.policy, req.facts, r) {}

  void all() {
    document();
    amount();
    duration();
    if (p_.amount.kind == AmountRule::Kind::kMonthly) monthly_total();
    readings();
    answers();
    for (const auto& note : p_.notes) {
      const Note& n = *note;
      Sink& s = w_.begin();
      s.safe(s.json() ? (en_ ? n.en_json : n.zh_json) : (en_ ? n.en : n.zh));  // escaped once, at load
      w_.end();
    }
    say(Msg::kDisclaimer, {});
  }

 private:
  void say(Msg id, std::initializer_list<std::string_view> args) {
    m_.render(id, en_, w_.begin(), args);
    w_.end();
  }
  std::string label(int fact) const {
    std::string s;
    Sink sink(s, false);
    cx_.quoted_label(fact, sink);
    return s;
  }
  std::string money(Fen fen) const {
    std::string s;
    Sink sink(s, false);
    cx_.money(fen, sink);
    return s;
  }
  // An exact amount for a monthly figure or a total: "1706", "1705.50".
  static std::string plain_yuan(Fen fen) {
    std::string s = yuan_str(fen);
    return s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0 ? s.substr(0, s.size() - 3) : s;
  }
  std::string date(const Date& d) const {
    std::string s;
    Sink sink(s, false);
    cx_.date(d, sink);
    return s;
  }
  std::string labels(const std::vector<int>& facts) const {
    std::string s;
    for (int f : facts) {
      if (!s.empty()) s += m_.text(Msg::kListSeparator, en_);
      s += label(f);
    }
    return s;
  }
  const std::string& option_label(int fact, int option) const {
    const Option& o = p_.program->facts[static_cast<std::size_t>(fact)].options[static_cast<std::size_t>(option)];
    return en_ ? o.label_en : o.label;
  }

  void document() {
    const Document& d = *p_.doc;
    if (d.draft) say(Msg::kDraft, {d.doc_no});
    if (!r_.in_force) {
      std::string to = p_.doc_to ? date(*p_.doc_to) : m_.text(Msg::kOpenEnded, en_);
      say(Msg::kNotInForce, {date(p_.doc_from), to, date(req_.date)});
    }
    // A policy named outright for another place (one the region does not fall back to) says so.
    std::vector<std::string> levels = jurisdictions(rules_, req_.region);
    bool own = std::find(levels.begin(), levels.end(), d.region) != levels.end() ||
               (d.region.compare(2, 4, "0000") != 0 && req_.region.compare(0, 2, d.region, 0, 2) == 0);
    if (!own) say(Msg::kOtherRegion, {d.region, req_.region});
  }

  void amount() {
    const AmountRule& a = p_.amount;
    const RefundAmount& f = r_.refund;
    switch (a.kind) {
      case AmountRule::Kind::kPercentOfBase:
        if (f.presumed && f.candidates) {
          bool large = f.size_option == a.size_large_option;
          say(Msg::kSizePresumed, {label(f.size_derivation->from), std::to_string(f.derived_from), std::to_string(f.derived_min),
                                   option_label(a.size_fact, f.size_option), yuan_str(large ? f.large : f.sme),
                                   (large ? f.large_rate : f.sme_rate)->text, f.size_derivation->cite->tag,
                                   option_label(a.size_fact, large ? a.size_sme_option : a.size_large_option),
                                   yuan_str(large ? f.sme : f.large), (large ? f.sme_rate : f.large_rate)->text});
        } else if (f.size_source == RefundAmount::SizeSource::kDerived && f.size_derivation) {
          say(Msg::kSizeDerived, {label(f.size_derivation->from), std::to_string(f.derived_from), std::to_string(f.derived_min),
                                  option_label(a.size_fact, f.size_option), f.size_derivation->cite->tag});
        }
        if (f.readings) {
          say(Msg::kUnitReadings, {option_label(a.unit_type_fact, f.unit_option), yuan_str(f.sme), f.sme_rate->text, yuan_str(f.large), f.large_rate->text});
        } else if (f.candidates && !f.presumed) {
          say(Msg::kSizeCandidates, {yuan_str(f.large), f.large_rate->text, yuan_str(f.sme), f.sme_rate->text});
        }
        if (f.candidates && r_.amount_is_cap) say(Msg::kCandidatesCap, {a.rate_sme->set_by});
        if (f.rate_param && f.rate_param->cap) {
          // A raised ceiling is the raising document's (国办发〔2025〕25号), not the notice's.
          bool raised = f.rate_case && f.rate_case->cite;
          say(Msg::kRateCap, {f.rate->text, raised ? f.rate_case->cite->doc_no : f.rate_param->set_by});
        }
        if (f.pass_on) say(Msg::kPassOn, {yuan_str(*f.pass_on), a.pass_on_cite->tag});
        if (f.computed) {
          for (int e : a.exclude) {
            const FactValue* v = req_.facts.get(e);
            if (v && v->number > 0) say(Msg::kExcluded, {label(e), yuan_str(v->number), a.exclude_cite->tag});
          }
        }
        return;
      case AmountRule::Kind::kTable:
        if (r_.cap_param) say(Msg::kAmountCap, {money(r_.table_value), r_.cap_param->set_by});
        return;
      case AmountRule::Kind::kContributionSplit:
        if (r_.split_total_only) say(Msg::kSplitTotalOnly, {r_.split.total->text, a.cite->tag});
        return;
      case AmountRule::Kind::kLocal:
        if (r_.local_note) say(Msg::kLocalAmount, {en_ && !a.text_en.empty() ? a.text_en : a.text, a.cite->tag});
        return;
      case AmountRule::Kind::kMonthly: monthly(); return;
      case AmountRule::Kind::kNone: return;
    }
  }

  // 失业保险金: the standard and where it comes from, or how it is set and
  // that the person may give it; the total comes after the duration.
  void monthly() {
    const AmountRule& a = p_.amount;
    const MonthlyAmount& m = r_.monthly;
    auto tag = [](const ParamValue* v) { return v && v->cite ? v->cite->tag : std::string(); };
    switch (m.source) {
      case MonthlyAmount::Source::kStandard: say(Msg::kMonthlyStandard, {plain_yuan(*m.standard), tag(m.standard_value)}); break;
      case MonthlyAmount::Source::kMinimumWage:
        say(Msg::kMonthlyFromWage, {plain_yuan(*m.standard), plain_yuan(m.wage_value->value.money), m.rate_value->value.rate.text,
                                    tag(m.rate_value) + tag(m.wage_value)});
        break;
      case MonthlyAmount::Source::kFact:
        if (m.encoded && *m.encoded != *m.standard) say(Msg::kMonthlyGivenDiffers, {plain_yuan(*m.standard), plain_yuan(*m.encoded)});
        else say(Msg::kMonthlyGiven, {plain_yuan(*m.standard)});
        break;
      case MonthlyAmount::Source::kNone:
        if (r_.local_note) {
          say(Msg::kLocalAmount, {en_ && !a.text_en.empty() ? a.text_en : a.text, a.cite->tag});
          if (a.own_fact >= 0) say(Msg::kMonthlyUnknownHint, {label(a.own_fact)});
        }
        break;
    }
  }

  void monthly_total() {
    const MonthlyAmount& m = r_.monthly;
    const DurationResult& d = r_.duration;
    if (!m.total || !*m.total || !d.total) return;
    say(d.is_cap ? Msg::kMonthlyTotalCap : Msg::kMonthlyTotal, {std::to_string(*d.total), plain_yuan(*m.standard), plain_yuan(*m.total)});
  }

  // Readings that decide differently: each reading's result, and who decides.
  void readings() {
    const CondOutcome* o = r_.readings_of;
    if (!o || o->passed != Tri::kNull) return;
    bool some_true = false, some_false = false;
    for (const auto& x : r_.readings) {
      some_true = some_true || x.outcome->passed == Tri::kTrue;
      some_false = some_false || x.outcome->passed == Tri::kFalse;
    }
    if (!some_true || !some_false) return;  // undecided for want of a fact, not for the reading
    std::string list;
    for (const auto& x : r_.readings) {
      if (!list.empty()) list += m_.text(Msg::kDetailSeparator, en_);
      const Condition& c = *x.outcome->cond;
      list += m_.text(Msg::kReadingLabel, en_, {en_ && !c.label_en.empty() ? c.label_en : c.label});
      list += m_.text(x.eligible == Tri::kTrue ? Msg::kYes : x.eligible == Tri::kFalse ? Msg::kNo : Msg::kNone, en_);
    }
    say(Msg::kReadingsDiffer, {list, o->cond->cite ? o->cond->cite->tag : std::string()});
  }

  void duration() {
    const DurationResult& d = r_.duration;
    const Duration& rule = p_.duration;
    if (d.derived) {
      const Derivation* derive = derivation_of(p_, rule.months_to_retirement);
      const FactValue* group = req_.facts.get(derive->from2);
      std::string years = std::to_string(d.retirement_age / 12), months = std::to_string(d.retirement_age % 12);
      std::string age = d.retirement_age % 12 ? m_.text(Msg::kAgeYearsMonths, en_, {years, months}) : m_.text(Msg::kAgeYears, en_, {years});
      std::int64_t year = d.retirement_month / 12, month = d.retirement_month % 12 + 1;
      std::string iso = std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
      say(Msg::kRetirementDerived, {req_.facts.get(derive->from)->text, option_label(derive->from2, static_cast<int>(group->number)), age,
                                    m_.text(Msg::kMonth, en_, {std::to_string(year), std::to_string(month), iso}), d.schedule_cite->tag});
    }
    if (d.max_months && *d.max_months > 0 && d.bands && d.bands->cite) {
      if (d.schedule && d.schedule->cite) {
        say(Msg::kDurationSchedule, {std::to_string(*d.max_months), std::to_string(d.ceiling_months), d.schedule->cite->tag});
      } else if (d.is_cap) {
        say(Msg::kDurationCap, {std::to_string(*d.max_months), d.bands->cite->tag});
      }
    }
    if (d.needs_retirement && d.max_months) {
      const FactValue* used = req_.facts.get(rule.months_used);
      std::vector<int> facts;
      for (int f : r_.missing) {
        if (!p_.program->facts[static_cast<std::size_t>(f)].required) facts.push_back(f);
      }
      if (d.used_up) say(Msg::kEntitlementUsedNeedsRetirement, {std::to_string(used->number), labels(facts)});
      else say(Msg::kMonthsUsedNeedsRetirement, {std::to_string(used->number), std::to_string(*d.max_months), labels(facts)});
    }
    if (d.extension && *d.extension > 0) {
      say(Msg::kExtension, {std::to_string(d.extension_within), std::to_string(*d.extension), p_.duration.extension_cite->tag});
    }
  }

  // What the person answered that the policy does not consider, and what they
  // left out that was taken as "no".
  void answers() {
    std::vector<int> unused;
    for (int f : p_.program->facts_by_id) {
      const FactValue* v = req_.facts.get(f);
      if (v && !v->derived && !p_.uses(f) && f != req_.adopt_fact) unused.push_back(f);
    }
    if (!unused.empty()) say(Msg::kUnusedFacts, {labels(unused)});
    if (!r_.defaulted.empty()) say(Msg::kDefaultedFacts, {labels(r_.defaulted)});
  }

  const RuleSet& rules_;
  const Messages& m_;
  const Request& req_;
  const Result& r_;
  const Policy& p_;
  bool en_;
  NoteWriter& w_;
  RenderContext cx_;
};

}  // namespace

void render_notes(const RuleSet& rules, const Request& req, const Result& r, bool english, NoteWriter& w) {
  Notes(rules, req, r, english, w).all();
}

}  // namespace uie
