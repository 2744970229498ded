// `estimate --jsonl` end to end, on the real binary: a batch mixing good and
// hostile lines gets exactly one response per line, in order; a bad line never
// stops the batch; peak memory does not grow with the batch or with one huge line.
#include <catch2/catch.hpp>

#include "check_response.h"
#include "corpus.h"
#include "engine_fixture.h"
#include "run_cli.h"

using nlohmann::json;

namespace {

struct Line {
  std::string bytes;  // without the '\n'
  json expect;        // as a corpus case's "expect"
};

// A good request whose answer is known and differs from line to line, so that
// a response out of order cannot pass: 60 % of `yuan` yuan (山西 2024, 中小微).
Line good_line(long yuan, bool crlf) {
  Line l;
  l.bytes = R"({"region":"140000","date":"2024-07-15","program":"stabilization_refund","facts":{"unit_type":"enterprise",)"
            R"("size":"sme","contribution_months":24,"insured_headcount":80,"layoffs":4,"contributions_paid":)" +
            std::to_string(yuan) + "}}" + (crlf ? "\r" : "");
  l.expect = {{"ok", true}, {"eligible", true}, {"amount_fen", yuan * 60}};
  return l;
}

std::vector<uie_test::Case> single_line_cases() {
  std::string error;
  std::vector<uie_test::Case> out;
  for (auto& c : uie_test::load_cases(uie_test::corpus_path(), error)) {
    if (c.bytes.find('\n') == std::string::npos) out.push_back(std::move(c));
  }
  INFO(error);
  REQUIRE(error.empty());
  REQUIRE(out.size() > 300);
  return out;
}

// n lines: every third good (every sixth of those ending in CRLF), the others
// the corpus's hostile cases in turn, including its 100 000-character and
// 100 000-deep lines, with a blank line now and then.
std::vector<Line> mixed_batch(std::size_t n) {
  static const std::vector<uie_test::Case> hostile = single_line_cases();
  std::vector<Line> lines;
  std::size_t next_hostile = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 3 == 0) {
      lines.push_back(good_line(static_cast<long>(i) + 1, i % 6 == 0));
    } else if (i % 250 == 125) {
      lines.push_back(Line{"", {{"code", "invalid_json"}, {"path", ""}}});
    } else {
      const auto& c = hostile[next_hostile++ % hostile.size()];
      lines.push_back(Line{c.bytes, c.expect});
    }
  }
  return lines;
}

std::string join(const std::vector<Line>& lines, bool final_newline) {
  std::string s;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    s += lines[i].bytes;
    if (i + 1 < lines.size() || final_newline) s += '\n';
  }
  return s;
}

std::string mismatch(const Line& l, const std::string& response) {
  json r = json::parse(response, nullptr, false);
  if (r.is_discarded() || !r.is_object()) return "not a JSON object";
  if (l.expect.contains("code")) {
    const json* e = uie_check::member(r, "error");
    if (!e || !e->is_object()) return "expected an error";
    if (e->value("code", json()) != l.expect["code"] || e->value("path", json()) != l.expect["path"])
      return "expected " + l.expect["code"].dump() + " at " + l.expect["path"].dump();
    return "";
  }
  for (auto it = l.expect.begin(); it != l.expect.end(); ++it) {
    if (r.value(it.key(), json()) != it.value()) return "expected " + it.key() + " = " + it.value().dump();
  }
  return "";
}

struct BatchResult {
  uie_test::CliRun run;
  std::vector<std::string> responses;
};

BatchResult run_batch(const uie_test::TempDir& dir, const std::string& input, const std::vector<std::string>& args = {"--jsonl"}) {
  uie_test::write_file(dir.file("in.jsonl"), input);
  std::vector<std::string> argv = {UIE_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  BatchResult b;
  b.run = uie_test::run_cli(argv, dir.file("in.jsonl"), dir.file("out.jsonl"));
  b.responses = uie_test::split_lines(uie_test::read_file(dir.file("out.jsonl")));
  return b;
}

}  // namespace

TEST_CASE("a 10 000-line batch of good and hostile lines gets one right response per line, in order", "[batch]") {
  uie_test::TempDir dir;
  const auto lines = mixed_batch(10000);
  const BatchResult b = run_batch(dir, join(lines, false));  // and no newline after the last line
  INFO(b.run.error);
  REQUIRE(b.run.error.empty());
  CHECK(b.run.signal == 0);
  CHECK(b.run.exit_status == 0);
  REQUIRE(b.responses.size() == lines.size());
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < lines.size() && wrong < 20; ++i) {
    std::string problem = mismatch(lines[i], b.responses[i]);
    if (problem.empty()) problem = uie_check::check_response(lines[i].bytes, b.responses[i]);
    if (!problem.empty()) {
      ++wrong;
      UNSCOPED_INFO("line " << i + 1 << ": " << problem << "; got " << b.responses[i].substr(0, 300));
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("batch memory stays flat: 10 000 lines peak no higher than 1 000", "[batch]") {
  uie_test::TempDir dir;
  const auto lines = mixed_batch(10000);
  const BatchResult small = run_batch(dir, join(std::vector<Line>(lines.begin(), lines.begin() + 1000), true));
  const BatchResult large = run_batch(dir, join(lines, true));
  REQUIRE(small.run.exit_status == 0);
  REQUIRE(large.run.exit_status == 0);
  REQUIRE(small.responses.size() == 1000);
  REQUIRE(large.responses.size() == 10000);
  // Both runs hold the same largest lines (the first 1 000 already contain
  // every corpus case); 10x the requests may not cost more than a small margin.
  INFO("peak RSS: 1 000 lines " << small.run.max_rss_kb << " KiB, 10 000 lines " << large.run.max_rss_kb << " KiB");
  CHECK(large.run.max_rss_kb <= small.run.max_rss_kb + 4096);
}

TEST_CASE("an over-long batch line is refused on its own and the batch goes on, without buffering it", "[batch][limits]") {
  uie_test::TempDir dir;
  const Line first = good_line(100, false);
  Line at_limit = good_line(200, false);
  at_limit.bytes.append(65536 - at_limit.bytes.size(), ' ');
  Line past_limit = good_line(300, false);
  past_limit.bytes.append(65537 - past_limit.bytes.size(), ' ');
  const std::string huge(32u << 20, '[');  // 32 MiB in one line
  const Line last = good_line(400, true);

  const BatchResult baseline = run_batch(dir, join({first, at_limit, last}, true));
  const std::string input = first.bytes + "\n" + at_limit.bytes + "\n" + past_limit.bytes + "\n" + huge + "\n" + last.bytes + "\n";
  const BatchResult b = run_batch(dir, input);
  REQUIRE(b.run.exit_status == 0);
  REQUIRE(b.responses.size() == 5);
  CHECK(mismatch(first, b.responses[0]) == "");
  CHECK(mismatch(at_limit, b.responses[1]) == "");  // exactly 65 536 bytes: served
  const Line refused{"", {{"code", "invalid_request"}, {"path", ""}}};
  CHECK(mismatch(refused, b.responses[2]) == "");     // 65 537 bytes: refused
  CHECK(mismatch(refused, b.responses[3]) == "");
  CHECK(mismatch(last, b.responses[4]) == "");
  // The line past the limit is skipped, not read into memory whole.
  INFO("peak RSS: baseline " << baseline.run.max_rss_kb << " KiB, with a 32 MiB line " << b.run.max_rss_kb << " KiB");
  CHECK(b.run.max_rss_kb <= baseline.run.max_rss_kb + 8192);
}

TEST_CASE("single-request mode refuses an oversized stdin without buffering it", "[batch][limits]") {
  uie_test::TempDir dir;
  const BatchResult baseline = run_batch(dir, uie_test::kGoodRequest, {});
  REQUIRE(baseline.run.exit_status == 0);
  REQUIRE(baseline.responses.size() == 1);
  CHECK(json::parse(baseline.responses[0]).value("amount_fen", 0LL) == uie_test::kGoodAmountFen);

  const BatchResult b = run_batch(dir, std::string(uie_test::kGoodRequest) + std::string(32u << 20, ' '), {});
  CHECK(b.run.exit_status == 0);
  REQUIRE(b.responses.size() == 1);
  const Line refused{"", {{"code", "invalid_request"}, {"path", ""}}};
  CHECK(mismatch(refused, b.responses[0]) == "");
  INFO("peak RSS: baseline " << baseline.run.max_rss_kb << " KiB, with 32 MiB of input " << b.run.max_rss_kb << " KiB");
  CHECK(b.run.max_rss_kb <= baseline.run.max_rss_kb + 8192);
}

TEST_CASE("a batch that is empty, or only blank lines, answers each line", "[batch]") {
  uie_test::TempDir dir;
  const BatchResult empty = run_batch(dir, "");
  CHECK(empty.run.exit_status == 0);
  CHECK(empty.responses.empty());
  const BatchResult blanks = run_batch(dir, "\n\r\n\n");
  CHECK(blanks.run.exit_status == 0);
  REQUIRE(blanks.responses.size() == 3);
  for (const auto& r : blanks.responses) {
    CHECK(mismatch(Line{"", {{"code", "invalid_json"}, {"path", ""}}}, r) == "");
  }
}

TEST_CASE("a CSV with a 64 MiB row: that row is its error, every other row is screened, without buffering it", "[batch][limits]") {
  uie_test::TempDir dir;
  const std::string header = "单位名称,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n";
  const std::string good = "甲,企业,中小微,24,80,4,1000\n";
  // A quoted cell that never closes before the file's end would swallow the rest; this one closes.
  const std::string huge = "\"" + std::string(64u << 20, 'x') + "\",企业,中小微,24,80,4,1000\n";
  auto run = [&](const std::string& csv) {
    uie_test::write_file(dir.file("in.csv"), csv);
    uie_test::CliRun r = uie_test::run_cli({UIE_CLI, "--csv", "--screen", "--region", "140000", "--date", "2024-07-15", "--program",
                                            "stabilization_refund"},
                                           dir.file("in.csv"), dir.file("out.jsonl"));
    return std::make_pair(r, uie_test::split_lines(uie_test::read_file(dir.file("out.jsonl"))));
  };
  auto [baseline, base_lines] = run(header + good + good);
  auto [r, lines] = run(header + good + huge + good);
  REQUIRE(r.exit_status == 0);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == base_lines[0]);
  json refused = json::parse(lines[1]);
  CHECK(refused["error"]["code"] == "invalid_request");
  CHECK(refused["error"]["message"].get<std::string>().find("65536") != std::string::npos);
  CHECK(lines[2] == base_lines[1]);  // the next row is served
  INFO("peak RSS: baseline " << baseline.max_rss_kb << " KiB, with a 64 MiB row " << r.max_rss_kb << " KiB");
  CHECK(r.max_rss_kb <= baseline.max_rss_kb + 8192);
}
