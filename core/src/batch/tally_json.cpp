// The batch tally and load issues as JSON: what every host prints (estimate
// --summary-json, the wasm module's sessionTally and reformIssues), written
// in one place.
#include "base/cold.h"
#include "base/json_out.h"
#include "uie/engine.h"

UIE_COLD_BEGIN  // once per what-if, or per summary: compiled for size in the wasm build

namespace uie {

std::string tally_json(const BatchTally& t) {
  std::string out;
  JsonOut o(out);
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  o.raw("{").key("items").num(n(t.items)).next("yes").num(n(t.yes)).next("no").num(n(t.no));
  o.next("undecided").num(n(t.undecided)).next("errors").num(n(t.errors)).next("amount_fen").num(t.amount_fen);
  o.next("open").num(n(t.open)).next("open_low_fen").num(t.open_low_fen).next("open_high_fen").num(t.open_high_fen);
  o.next("by_size").raw("{");
  const char* names[] = {"none", "large", "sme"};
  for (int i = 0; i < 3; ++i) {
    if (i) o.raw(",");
    o.key(names[i]).raw("{").key("yes").num(n(t.yes_by_size[i])).next("amount_fen").num(t.fen_by_size[i]).raw("}");
  }
  o.raw("}").next("reformed").num(n(t.reformed)).raw("}");
  return out;
}

std::string issues_json(const std::vector<LoadIssue>& issues) {
  std::string out;
  JsonOut o(out);
  o.raw("[");
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const LoadIssue& x = issues[i];
    if (i) o.raw(",");
    o.raw("{").key("file").str(x.file).next("pointer").str(x.pointer).next("code").str(x.code);
    o.next("message").str(x.message).next("message_en").str(x.message_en).raw("}");
  }
  o.raw("]");
  return out;
}

}  // namespace uie

UIE_COLD_END
