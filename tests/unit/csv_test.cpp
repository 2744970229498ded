// CSV screening input as offices really have it: a byte-order mark, CRLF,
// quoted cells with commas, quotes and line breaks, ragged rows, blank lines,
// bad cells and rows mixed in. One answer per data row, in order; a bad row
// gets its error and the batch goes on; nothing aborts. And the same answers
// whether the file arrives whole or a byte at a time.
#include <catch2/catch.hpp>

#include <random>

#include "support.h"

using namespace uie_test;

namespace {

const char* kHeader = "unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid";
const char* kGood = "enterprise,sme,24,80,4,56789.12";  // 山西 2024: eligible, 3407347 分

uie::ScreenDefaults shanxi() { return {"140000", "2024-07-15", "stabilization_refund", ""}; }

std::vector<json> lines_of(const std::string& out) {
  std::vector<json> lines;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t nl = out.find('\n', start);
    REQUIRE(nl != std::string::npos);  // every answer ends its line
    lines.push_back(json::parse(out.substr(start, nl - start)));
    start = nl + 1;
  }
  return lines;
}

std::vector<json> screen(const std::string& csv, uie::ScreenDefaults d = shanxi()) {
  return lines_of(engine().screen_csv(csv, d, {}));
}

// The same batch fed in pieces of `n` bytes through the streaming interface.
std::string screen_in_pieces(const std::string& csv, std::size_t n) {
  uie::Session session(engine(), uie::BatchInput::kCsv, uie::BatchOutput::kLines, {}, shanxi());
  std::string out;
  for (std::size_t i = 0; i < csv.size(); i += n) session.feed(csv.substr(i, n), out);
  session.finish(out);
  return out;
}

}  // namespace

TEST_CASE("a good row is screened, and header and rows may carry a BOM, CRLF and spaces", "[csv]") {
  auto plain = screen(std::string(kHeader) + "\n" + kGood + "\n");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0] == json{{"eligible", true}, {"amount_fen", 3407347}, {"failed", json::array()}, {"missing", json::array()}});
  CHECK(screen("\xEF\xBB\xBF" + std::string(kHeader) + "\r\n" + kGood + "\r\n") == plain);
  CHECK(screen(std::string(kHeader) + "\n" + kGood) == plain);  // no line break after the last row
  CHECK(screen(" unit_type , size,contribution_months,insured_headcount,layoffs,contributions_paid\n"
               "enterprise, sme ,24,80,4,\"56,789.12\"\n") == plain);
}

TEST_CASE("quoted cells keep their commas, quotes and line breaks", "[csv]") {
  std::string csv = std::string("单位名称,") + kHeader + "\n" + "\"某某有限公司, 分公司\"," + kGood + "\n" +
                    "\"他说\"\"好\"\"\"," + kGood + "\n" + "\"两行\n的名称\"," + kGood + "\n";
  auto lines = screen(csv);
  REQUIRE(lines.size() == 3);
  for (const auto& l : lines) CHECK(l["eligible"] == true);
}

TEST_CASE("ragged rows: a short row lacks facts, a long row with extra cells is refused", "[csv]") {
  auto lines = screen(std::string(kHeader) + "\nenterprise,sme,24,80\nenterprise,sme,24,80,4,56789.12,extra\n"
                      "enterprise,sme,24,80,4,56789.12,,\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["eligible"].is_null());
  CHECK(lines[0]["missing"] == json::array({"layoffs", "contributions_paid"}));
  CHECK(lines[1]["error"]["code"] == "invalid_request");
  CHECK(lines[2]["eligible"] == true);  // empty cells past the header are nothing
}

TEST_CASE("bad cells get the fact's error and the batch goes on", "[csv]") {
  auto lines = screen(std::string(kHeader) + "\nenterprise,sme,24,80,three,56789.12\n" + kGood +
                      "\nenterprise,huge,24,80,4,1\nenterprise,sme,24,80,90,1\nenterprise,sme,24,80,4,1.234\n" + kGood + "\n");
  REQUIRE(lines.size() == 6);
  CHECK(lines[0]["error"]["code"] == "invalid_fact");
  CHECK(lines[0]["error"]["path"] == "/facts/layoffs");
  CHECK(lines[1]["eligible"] == true);
  CHECK(lines[2]["error"]["path"] == "/facts/size");
  CHECK(lines[3]["error"]["code"] == "inconsistent_facts");
  CHECK(lines[4]["error"]["path"] == "/facts/contributions_paid");
  CHECK(lines[5]["eligible"] == true);
}

TEST_CASE("region, date and program columns override the defaults, and are checked like JSON", "[csv]") {
  std::string csv = std::string("region,date,") + kHeader + "\n140000,2024-07-15," + kGood + "\n630000,2021-10-08," + kGood +
                    "\n14,2024-07-15," + kGood + "\n999999,2024-07-15," + kGood + "\n140000,2024/07/15," + kGood +
                    "\n140000,2026-07-15," + kGood + "\n";
  auto lines = screen(csv, {});
  REQUIRE(lines.size() == 6);
  CHECK(lines[0]["error"]["code"] == "invalid_request");  // no program anywhere
  auto with_program = screen(csv, {"", "", "stabilization_refund", ""});
  CHECK(with_program[0]["amount_fen"] == 3407347);
  CHECK(with_program[1]["eligible"] == true);            // 青海 2021
  CHECK(with_program[2]["error"]["path"] == "/region");
  CHECK(with_program[3]["error"]["code"] == "unknown_region");
  CHECK(with_program[4]["amount_fen"] == 3407347);       // a spreadsheet's date
  CHECK(with_program[5]["error"]["code"] == "no_policy_in_force");
}

TEST_CASE("a misspelt or repeated header stops the batch with one error naming the fact", "[csv]") {
  auto misspelt = screen("unit_type,size,contribution_month,insured_headcount,layoffs,contributions_paid\n" + std::string(kGood) + "\n");
  REQUIRE(misspelt.size() == 1);
  CHECK(misspelt[0]["error"]["code"] == "invalid_request");
  std::string m = misspelt[0]["error"]["message"];
  CHECK(m.find("contribution_months") != std::string::npos);
  CHECK(m.find("第 3 列") != std::string::npos);
  auto repeated = screen("unit_type,unit_type\nenterprise,enterprise\n");
  REQUIRE(repeated.size() == 1);
  CHECK(repeated[0]["error"]["message"].get<std::string>().find("重复") != std::string::npos);
}

TEST_CASE("an unclosed quote or an over-long row is that row's error", "[csv]") {
  auto unclosed = screen(std::string(kHeader) + "\n" + kGood + "\n\"enterprise,sme,24,80,4,1\n");
  REQUIRE(unclosed.size() == 2);
  CHECK(unclosed[0]["eligible"] == true);
  CHECK(unclosed[1]["error"]["code"] == "invalid_json");
  std::string long_row = std::string(70000, 'x');
  auto lines = screen(std::string(kHeader) + "\n" + long_row + "\n" + kGood + "\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["error"]["message"].get<std::string>().find("65536") != std::string::npos);
  CHECK(lines[1]["eligible"] == true);
}

TEST_CASE("blank lines, an empty file or a header alone answer nothing", "[csv]") {
  CHECK(screen("").empty());
  CHECK(screen(std::string(kHeader) + "\n").empty());
  CHECK(screen(std::string(kHeader) + "\n\n" + kGood + "\n\r\n ,,\n" + kGood + "\n").size() == 2);
}

TEST_CASE("10^5 rows with bad ones mixed in: one answer per row, in order, the same in any pieces", "[csv]") {
  std::mt19937 rng(7);
  std::string csv = std::string("备注,") + kHeader + "\n";
  std::vector<int> kind;  // 0 good, 1 bad cell, 2 inconsistent, 3 quoted note with a line break
  for (int i = 0; i < 100000; ++i) {
    int k = static_cast<int>(rng() % 10 < 7 ? 0 : rng() % 3 + 1);
    kind.push_back(k);
    if (k == 0) csv += "ok," + std::string(kGood) + "\n";
    if (k == 1) csv += "bad,enterprise,sme,24,80,x,1\n";
    if (k == 2) csv += "odd,enterprise,sme,24,80,81,1\n";
    if (k == 3) csv += "\"多行\n备注\"," + std::string(kGood) + "\r\n";
  }
  std::string whole = engine().screen_csv(csv, shanxi(), {});
  auto lines = lines_of(whole);
  REQUIRE(lines.size() == kind.size());
  for (std::size_t i = 0; i < kind.size(); ++i) {
    bool good = kind[i] == 0 || kind[i] == 3;
    if (good != (lines[i].value("eligible", json()) == true)) FAIL("row " << i + 2 << ": " << lines[i].dump());
  }
  CHECK(screen_in_pieces(csv, 4096) == whole);
  CHECK(screen_in_pieces(csv.substr(0, 20000), 1) == engine().screen_csv(csv.substr(0, 20000), shanxi(), {}));
}
