// The compiled rule set: what the pack loader builds and the evaluator reads.
// Typed throughout and immutable once loaded; facts are addressed by index,
// parameters by pointer, sentences are parsed templates, and the JSON that
// never changes (policy objects, citations) is rendered once, at load time.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/exact.h"
#include "base/template.h"
#include "model/program.h"

namespace uie {

// Where a rule comes from: document number, clause, and the words themselves.
// `basis` says where a value was verified when the documents do not state it.
struct Cite {
  std::string doc_no, clause, quote, basis;
  std::string json;  // the response's cite object, rendered once
  std::string tag;   // "（人社部发〔2024〕40号 二）", appended to notes
};

// Two sentences, in Chinese and (where the rule data gives one) English.
struct Text2 {
  Template zh, en;
  const Template& in(bool english) const { return english && !en.empty() ? en : zh; }
  bool empty() const { return zh.empty(); }
};

// ---- Parameters: values keyed by effective date, each with its citation ----

struct Band {
  std::int64_t from_months = 0;  // contribution months at or above this
  std::int64_t months = 0;       // longest entitlement
  // A province's own formula ("超过四年的部分，每满半年…增加一个月"): one
  // month more for every full `step_months` above `from_months` (0: flat),
  // at most `max_months` (0: no limit of its own).
  std::int64_t step_months = 0;
  std::int64_t max_months = 0;
};

// The statutory retirement age of one group, and how it rises with the
// birth month (全国人大常委会 2024-09-13 decision).
struct RetirementRule {
  std::string group;             // a value of the group fact, e.g. "male"
  std::int64_t base_months = 0;  // the age before the reform, in months (60 years = 720)
  int delay_from = 0;            // first birth month delayed, as year*12 + month-1
  std::int64_t months_per_step = 1;  // births per month of delay
  std::int64_t max_delay = 0;    // months
};

enum class ParamType { kCount, kRate, kMoney, kBands, kDate, kRetirement };

const char* param_type_name(ParamType t);

struct ParamScalar {
  std::int64_t count = 0;
  Rate rate;
  Fen money = 0;
  Date date;
  std::vector<Band> bands;
  std::vector<RetirementRule> retirement;
};

// A value that differs by a fact: "每人每年1次…急需紧缺职业(工种)证书的，增加2次".
struct ParamCase {
  int fact = -1;
  bool is_bool = true;
  bool equals_bool = true;
  int equals_option = -1;  // enum facts: the option index
  ParamScalar value;
  const Cite* cite = nullptr;
  Text2 whatif;  // what the person could change to get this value; {value} is the value
  // A value a national rule lets the province choose ("省级…可…增加2次"):
  // it never applies by itself; where it would change the answer, the answer
  // is undecided (the fact asked, or the province's choice left to the office).
  bool where_adopted = false;
};

struct ParamValue {
  Date from;
  ParamScalar value;
  const Cite* cite = nullptr;
  std::vector<ParamCase> when;
};

struct Param {
  std::string id;
  ParamType type = ParamType::kCount;
  bool cap = false;                // the document gives a ceiling (不超过), not the figure
  std::vector<ParamValue> values;  // ascending `from`
  std::string set_by;              // doc_no of the document that set the latest value
  // The value from on or before `d` (else the first).
  const ParamValue& at(const Date& d) const;
};

// ---- Conditions ----

struct KindOps;

struct Condition {
  std::string id;
  const KindOps* kind = nullptr;
  int fact = -1, fact2 = -1;  // meaning depends on the kind (e.g. numerator, denominator)
  const Param* param = nullptr;   // the threshold
  const Param* param2 = nullptr;  // a second threshold (small units' headcount)
  const Param* param3 = nullptr;  // a third (small units' rate)
  std::uint64_t option_set = 0;   // one_of on an enum fact: the allowed option indices
  std::vector<std::int64_t> numbers;  // one_of on an integer fact
  int mode = 0;                   // kind-specific switch (level_not_claimed: same / higher)
  Text2 pass, fail, unknown;
  Text2 pass2, fail2;             // the small-unit sentences of ratio_at_most
  Text2 whatif;
  std::string label, label_en;    // a sub-condition's name (the English where the pack gives it)
  std::vector<Condition> of;      // any_of / all_of
  const Cite* cite = nullptr;     // null for a sub-condition
  std::vector<int> reads;         // the facts it reads, for `missing`
  std::string id_json;            // "…": the id as a JSON string
  std::string head_json;          // {"id":"…","passed":
  std::string tail_json;          // ,"cite":{…}}
};

// ---- Derived facts: a fact the policy computes when it is not given ----

struct Derivation {
  enum class Kind { kAtLeast, kRetirementAge, kByOption };
  Kind kind = Kind::kAtLeast;
  std::string id;
  // Exact: the rules determine the fact (the months to the legal retirement
  // age), so it is not asked, its inputs are, and a given value that differs
  // is inconsistent. Otherwise a presumption (the size from a headcount): a
  // given value wins and the fact is still asked.
  bool exact = false;
  int fact = -1;                  // the fact derived
  int from = -1, from2 = -1;      // its inputs
  const Param* param = nullptr;   // kAtLeast: the threshold; kRetirementAge: the schedule
  int then_option = -1, else_option = -1;  // kAtLeast on an enum: the values
  // The last of several ways the rules name (晋人社厅发〔2024〕28号 二: 统计部门 →
  // 参保登记 → 平均缴费人数): what it gives is a presumption the earlier ways
  // may overturn, so an amount that depends on it shows both values.
  bool last_resort = false;
  // kByOption: the yes/no value each option of `from` gives (by option index:
  // 1 yes, 0 no, -1 none: the option decides nothing, so `fact` is asked). The
  // rules define it ("非因本人意愿中断就业包括下列情形"), so a given value that
  // differs is inconsistent.
  std::vector<int> option_values;
  const Cite* cite = nullptr;
};

// ---- Amounts ----

struct AmountRule {
  enum class Kind { kNone, kPercentOfBase, kTable, kContributionSplit, kLocal, kMonthly };
  Kind kind = Kind::kNone;
  // kPercentOfBase (稳岗返还)
  int base = -1;
  std::vector<int> exclude;  // parts of the base not refunded
  int pass_on = -1;          // part of the refund passed on to user units
  int unit_type_fact = -1, size_fact = -1;
  std::vector<const Param*> rate_by_unit_type;  // by option index of unit_type; null = by size
  // By option index of unit_type, 1 where the document only says 参照实施
  // ("sme_or_by_size"): the SME rate, or by size like an enterprise; a large
  // (or unknown) size then gets both amounts. Empty when no unit is read so.
  std::vector<int> both_readings;
  bool reads_both(int unit_option) const {
    return unit_option >= 0 && static_cast<std::size_t>(unit_option) < both_readings.size() && both_readings[static_cast<std::size_t>(unit_option)];
  }
  const Param* rate_large = nullptr;
  const Param* rate_sme = nullptr;
  int size_large_option = -1, size_sme_option = -1;
  // kTable
  int table_fact = -1;
  std::vector<std::pair<std::int64_t, const Param*>> table;
  // kContributionSplit
  const Param* total = nullptr;
  const Param* unit = nullptr;
  const Param* individual = nullptr;
  // kMonthly (失业保险金): the monthly standard as published (`standard`), or
  // as a rate of the minimum wage (`standard_rate` × `minimum_wage`), or the
  // person's own figure (`own_fact`, which wins); where none is known, `text`
  // says how the standard is set.
  const Param* standard = nullptr;
  const Param* standard_rate = nullptr;
  const Param* minimum_wage = nullptr;
  bool whole_yuan = false;  // the rate × minimum wage is published rounded half up to the yuan
  int own_fact = -1;
  // kLocal, kMonthly
  std::string text, text_en;
  const Cite* cite = nullptr;
  // kPercentOfBase: the clauses of the excluded and passed-on parts, where
  // another clause than the rate's sets them (null: `cite`).
  const Cite* exclude_cite = nullptr;
  const Cite* pass_on_cite = nullptr;
  std::vector<int> reads;  // the facts the amount needs
};

struct Duration {
  // The longest entitlement by contribution time (社会保险法 第四十六条: a
  // ceiling where the param is a cap), and the province's own periods within
  // it (《广东省失业保险条例》 第十七条), when a pack gives them.
  const Param* bands = nullptr;  // null when the program has no duration
  const Param* schedule = nullptr;
  const Param* extension_within = nullptr;  // months before retirement that trigger the extension
  const Cite* extension_cite = nullptr;
  int contribution_months = -1, months_used = -1, months_to_retirement = -1;
};

struct Note {
  std::string zh, en;            // the text with its citation tag, ready to show
  std::string zh_json, en_json;  // the same, escaped for a JSON string
};

// ---- Documents and policies ----

struct Document {
  std::string id, doc_no, title, issuer, region, source, file;
  std::optional<Date> issued;
  bool draft = false;
};

// One program under one document, with everything it inherits resolved.
struct Policy {
  const Document* doc = nullptr;
  const ProgramDef* program = nullptr;
  // The days this policy answers for. Usually the document's own validity;
  // where the rules it inherits change over time (extends_in_force, or a
  // refinement of such a pack) the document is compiled once per period of
  // its parent, and each version answers for its part of the document's days.
  Date valid_from;
  std::optional<Date> valid_to;
  // The validity the document states (what responses and the catalog show).
  Date doc_from;
  std::optional<Date> doc_to;
  std::vector<const Document*> chain;  // most general first, ending with doc
  const Policy* parent = nullptr;      // the policy this one extends or forwards
  std::vector<std::unique_ptr<Param>> params;
  std::vector<Derivation> derivations;
  std::vector<Condition> conditions;
  std::size_t condition_count = 0;      // conditions and sub-conditions: the outcomes one request fills
  AmountRule amount;
  Duration duration;
  std::vector<std::shared_ptr<const Note>> notes;  // shared with the policies that inherit them
  std::vector<int> used_facts;          // in the program's asking order
  // The optional facts it uses, with what decides whether they are worth
  // offering (a yes/no fact that gates them; a role in the enterprise size).
  struct OptionalFact {
    int fact = -1;
    int gate = -1;                      // asked only when this yes/no fact is set
    enum class Size { kNone, kSize, kSizeSource } size = Size::kNone;
  };
  std::vector<OptionalFact> optional_facts;
  std::vector<const Cite*> fact_cites;  // by fact index: the cite of the first rule that uses it
  // By used fact: the question around its "answered" flag. Rendered on the
  // first questions() call for the policy (most policies are never asked),
  // so that loading stays quick.
  mutable std::vector<std::string> question_head, question_tail;
  mutable std::string conditions_json;  // the questions' "conditions": [{id, label, label_en, cite}]
  mutable std::once_flag questions_rendered;
  bool reformed = false;     // a reform changed it (reform/reform.h): its answers are a what-if's
  std::string json_open;     // the response's policy object without its closing brace
  std::string catalog_json;  // the catalog's entry head (no validity), without its closing brace

  bool in_force(const Date& d) const { return valid_from <= d && (!valid_to || d <= *valid_to); }
  bool extends(const Policy* other) const {
    for (const Policy* p = parent; p; p = p->parent) {
      if (p == other) return true;
    }
    return false;
  }
  const Param* param(std::string_view id) const;
  bool uses(int fact) const;
  // A used fact that is asked: not one an exact derivation computes.
  bool asks(int fact) const;
};

}  // namespace uie
