#include "model/messages.h"

namespace uie {

const std::array<MessageDef, kMessageCount>& message_defs() {
  // Keep in the order of enum Msg.
  static const std::array<MessageDef, kMessageCount> defs = {{
      {"yes", {}},
      {"no", {}},
      {"none", {}},
      {"open_ended", {}},
      {"list_separator", {}},
      {"quoted_fact", {"label"}},
      {"level", {"level"}},
      {"yuan", {"amount"}},
      {"date", {"year", "month", "day", "iso"}},
      {"validity", {"from", "to"}},
      {"month", {"year", "month", "iso"}},
      {"age_years", {"years"}},
      {"age_years_months", {"years", "months"}},
      {"detail_separator", {}},
      {"missing_facts", {"facts"}},
      {"count_defaulted", {}},
      {"flag_defaulted", {}},
      {"entitlement_extended", {"months"}},
      {"left_to_province", {"value"}},
      {"reading_label", {"reading"}},
      {"size_derived", {"fact", "value", "min", "size", "cite"}},
      {"size_presumed", {"fact", "value", "min", "size", "amount", "rate", "cite", "other", "other_amount", "other_rate"}},
      {"size_candidates", {"large", "large_rate", "sme", "sme_rate"}},
      {"candidates_cap", {"doc_no"}},
      {"unit_readings", {"unit", "sme", "sme_rate", "large", "large_rate"}},
      {"rate_cap", {"rate", "doc_no"}},
      {"pass_on", {"amount", "cite"}},
      {"excluded", {"fact", "amount", "cite"}},
      {"amount_cap", {"amount", "doc_no"}},
      {"split_total_only", {"rate", "cite"}},
      {"local_amount", {"text", "cite"}},
      {"extension", {"within", "months", "cite"}},
      {"retirement_derived", {"birth", "group", "age", "month", "cite"}},
      {"months_used_needs_retirement", {"used", "max", "facts"}},
      {"entitlement_used_needs_retirement", {"used", "facts"}},
      {"duration_cap", {"months", "cite"}},
      {"duration_schedule", {"months", "ceiling", "cite"}},
      {"readings_differ", {"readings", "cite"}},
      {"monthly_standard", {"amount", "cite"}},
      {"monthly_from_wage", {"amount", "wage", "rate", "cite"}},
      {"monthly_given", {"amount"}},
      {"monthly_given_differs", {"amount", "encoded"}},
      {"monthly_total", {"months", "amount", "total"}},
      {"monthly_total_cap", {"months", "amount", "total"}},
      {"monthly_unknown_hint", {"fact"}},
      {"draft", {"doc_no"}},
      {"not_in_force", {"from", "to", "date"}},
      {"other_region", {"policy_region", "region"}},
      {"unused_facts", {"facts"}},
      {"defaulted_facts", {"facts"}},
      {"disclaimer", {}},
      {"too_large", {"max"}},
      {"nul_byte", {"position"}},
      {"duplicate_key", {"key"}},
      {"not_json", {"position"}},
      {"too_deep", {"max"}},
      {"not_object", {}},
      {"unknown_member", {"key"}},
      {"no_region", {}},
      {"region_not_string", {"value"}},
      {"region_not_six_digits", {"value"}},
      {"unknown_region", {"prefix", "region"}},
      {"bad_date", {"value"}},
      {"no_program", {}},
      {"program_not_string", {"value"}},
      {"unknown_program", {"value", "known"}},
      {"policy_not_string", {"value"}},
      {"facts_not_object", {"value"}},
      {"unknown_fact", {"program", "key"}},
      {"unknown_fact_hint", {"fact", "label"}},
      {"unknown_fact_exact", {}},
      {"fact_name", {"label", "id"}},
      {"not_bool", {"name", "value"}},
      {"not_one_of", {"name", "allowed", "value"}},
      {"option_shown", {"value", "label"}},
      {"not_count", {"name", "value"}},
      {"not_integer", {"name", "value"}},
      {"out_of_range", {"name", "min", "max", "value"}},
      {"not_an_option", {"name", "value"}},
      {"not_money", {"name", "value"}},
      {"money_nan", {"name", "value"}},
      {"money_negative", {"name", "value"}},
      {"money_decimals", {"name", "value"}},
      {"money_too_large", {"name", "value"}},
      {"not_date", {"name", "value"}},
      {"not_month", {"name", "value"}},
      {"not_text", {"name", "value"}},
      {"text_too_long", {"name", "max", "count"}},
      {"not_level_list", {"name"}},
      {"not_level", {"name", "value"}},
      {"retirement_differs", {"derived", "given"}},
      {"option_differs", {"from", "option", "fact", "value"}},
      {"months_used_above_max", {"used", "max"}},
      {"months_used_not_extended", {"used", "max", "gap", "last"}},
      {"unknown_policy", {"id", "program"}},
      {"no_policy", {"date", "region", "program"}},
      {"no_policy_year", {"year", "program"}},
      {"no_policy_latest", {"doc_no", "validity", "id"}},
      {"not_loaded", {}},
      {"csv_misspelt_column", {"column", "name", "fact", "label"}},
      {"csv_duplicate_column", {"column", "name"}},
      {"csv_no_program", {}},
      {"csv_row_too_long", {"row", "max"}},
      {"csv_unclosed_quote", {"row"}},
      {"csv_extra_cells", {"row", "count", "columns"}},
      {"table_header", {}},
      {"table_undecided", {}},
      {"table_error", {}},
      {"table_candidate", {"size", "amount"}},
  }};
  return defs;
}

void Messages::render(Msg id, bool english, Sink& sink, std::initializer_list<std::string_view> args) const {
  auto i = static_cast<std::size_t>(id);
  const Template& t = english && !en[i].empty() ? en[i] : zh[i];
  t.render(sink, [&](Sink& s, int slot) {
    if (static_cast<std::size_t>(slot) < args.size()) s.text(args.begin()[slot]);
  });
}

std::string Messages::text(Msg id, bool english, std::initializer_list<std::string_view> args) const {
  std::string out;
  Sink sink(out, false);
  render(id, english, sink, args);
  return out;
}

}  // namespace uie
