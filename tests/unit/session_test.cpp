// The batch session every host goes through (uie::Session): JSONL and CSV
// in chunks of any size answer the same as whole; a spreadsheet's rows fed
// as cells answer as the same table in CSV; the table teed beside another
// output is the table output itself; the line splitter keeps its limit to
// the byte, CR included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "input/lines.h"
#include "support.h"

using namespace uie_test;

namespace {

uie::ScreenDefaults shanxi() { return {"140000", "2024-07-15", "stabilization_refund", ""}; }

const char* kRequest =
    R"({"region":"140000","date":"2024-07-15","program":"stabilization_refund","facts":{"unit_type":"enterprise",)"
    R"("size":"sme","contribution_months":24,"insured_headcount":80,"layoffs":4,"contributions_paid":56789.12}})";

// Fed to a session in pieces of `n` bytes (0: whole).
std::string run(uie::BatchInput input, uie::BatchOutput output, const std::string& text, std::size_t n,
                uie::ScreenDefaults d = shanxi(), std::string* tee = nullptr) {
  uie::Options o;
  o.today = "2026-11-22";
  uie::Session s(engine(), input, output, o, d);
  s.tee_table(tee);
  std::string out;
  if (n == 0) n = text.size() + 1;
  for (std::size_t i = 0; i < text.size(); i += n) s.feed(std::string_view(text).substr(i, n), out);
  s.finish(out);
  return out;
}

// The lines of a JSONL batch answered one by one through the engine.
std::string one_by_one(const std::vector<std::string>& requests, bool full) {
  uie::Options o;
  o.today = "2026-11-22";
  std::string out;
  for (const auto& r : requests) {
    if (full) {
      engine().estimate_into(out, r, o);
      out += '\n';
    } else {
      engine().screen_into(out, r, o);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a JSONL batch answers each line as the engine does, in any pieces", "[session]") {
  std::string big(70000, ' ');
  std::vector<std::string> requests = {kRequest, "", "{", std::string("{\"region\":\"140000\"") + big + "}", kRequest};
  // What each line means to the engine: the over-long one gets the size error.
  std::string jsonl = requests[0] + "\r\n" + requests[1] + "\n" + requests[2] + "\n" + requests[3] + "\r\n" + requests[4];
  for (bool full : {false, true}) {
    auto output = full ? uie::BatchOutput::kFull : uie::BatchOutput::kLines;
    std::string expected = one_by_one(requests, full);
    CHECK(run(uie::BatchInput::kJsonl, output, jsonl, 0) == expected);
    CHECK(run(uie::BatchInput::kJsonl, output, jsonl, 1) == expected);
    CHECK(run(uie::BatchInput::kJsonl, output, jsonl, 4096) == expected);
  }
  CHECK(engine().screen(jsonl, [] {
    uie::Options o;
    o.today = "2026-11-22";
    return o;
  }()) == one_by_one(requests, false));
  // A JSONL batch has no table to echo: it is answered with lines.
  CHECK(run(uie::BatchInput::kJsonl, uie::BatchOutput::kTable, jsonl, 0) == one_by_one(requests, false));
}

TEST_CASE("a spreadsheet's rows fed as cells answer as the same table in CSV", "[session]") {
  // Cells as a spreadsheet holds them: commas, quotes and a line break inside.
  std::vector<std::vector<std::string>> rows = {
      {"备注", "unit_type", "size", "contribution_months", "insured_headcount", "layoffs", "contributions_paid"},
      {"a, \"quoted\"\nnote", "enterprise", "sme", "24", "80", "4", "56789.12"},
      {"", "", "", "", "", "", ""},
      {"bad", "enterprise", "sme", "24", "80", "x", "1"},
      {"short", "enterprise", "sme"},
  };
  std::string csv, cells;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& v = rows[r][c];
      if (c) csv += ',';
      if (v.find_first_of(",\"\n") != std::string::npos) {
        csv += '"';
        for (char ch : v) csv += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        csv += '"';
      } else {
        csv += v;
      }
      if (c) cells += '\0';
      cells += v;
    }
    csv += '\n';
    if (r + 1 < rows.size()) cells += '\x01';
  }
  for (auto output : {uie::BatchOutput::kLines, uie::BatchOutput::kReasons, uie::BatchOutput::kTable, uie::BatchOutput::kFull}) {
    uie::Options o;
    o.today = "2026-11-22";
    uie::Session s(engine(), uie::BatchInput::kCsv, output, o, shanxi());
    std::string out;
    // Rows arrive in two batches, as a worker hands over a sheet's rows.
    std::size_t cut = cells.find('\x01', cells.find('\x01') + 1);
    s.feed_cells(std::string_view(cells).substr(0, cut), out);
    s.feed_cells(std::string_view(cells).substr(cut + 1), out);
    s.finish(out);
    // The same answers; a CSV record also says where it starts ("at":…).
    std::string text = run(uie::BatchInput::kCsv, output, csv, 0);
    for (std::size_t at; (at = text.find(",\"at\":")) != std::string::npos;) text.erase(at, text.find(',', at + 1) - at);
    CHECK(out == text);
    CHECK(s.items() == 3);  // the blank row is no item
  }
}

TEST_CASE("the table teed beside another output is the table output, and changes nothing else", "[session]") {
  std::string csv =
      "备注,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n"
      "=1+1,enterprise,sme,24,80,4,56789.12\n"
      "坏,enterprise,sme,24,80,x,1\n"
      "缺,enterprise\n"
      "多,enterprise,sme,24,80,4,1,extra\n";
  std::string table = run(uie::BatchInput::kCsv, uie::BatchOutput::kTable, csv, 0);
  for (auto output : {uie::BatchOutput::kLines, uie::BatchOutput::kReasons, uie::BatchOutput::kFull}) {
    for (std::size_t n : {std::size_t(0), std::size_t(7)}) {
      std::string tee;
      CHECK(run(uie::BatchInput::kCsv, output, csv, n, shanxi(), &tee) == run(uie::BatchInput::kCsv, output, csv, n));
      CHECK(tee == table);
    }
  }
  // A row whose region has no policy in force is 出错 in the table, its
  // error (with the latest policy) in the lines.
  std::string later = "region,date,unit_type\n140000,2031-01-01,enterprise\n";
  std::string tee;
  std::string lines = run(uie::BatchInput::kCsv, uie::BatchOutput::kLines, later, 0, {"", "", "stabilization_refund", ""}, &tee);
  CHECK(lines.find("\"latest\"") != std::string::npos);
  CHECK(tee == run(uie::BatchInput::kCsv, uie::BatchOutput::kTable, later, 0, {"", "", "stabilization_refund", ""}));
  CHECK(tee.find("出错") != std::string::npos);
}

TEST_CASE("a refused header stops a teed batch: an error line, no table", "[session]") {
  std::string tee;
  std::string out = run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, "unit_type,contribution_month\nenterprise,24\n", 0,
                        shanxi(), &tee);
  CHECK(out.find("contribution_months") != std::string::npos);
  CHECK(tee.empty());
}

TEST_CASE("the line splitter keeps its limit to the byte, a CR included, in any pieces", "[session]") {
  const std::size_t limit = 8;
  auto split = [&](const std::string& text, std::size_t n) {
    uie::LineSplitter s(limit);
    std::vector<std::string> got;
    auto drain = [&](bool final) {
      std::string_view line;
      bool too_long = false;
      while (s.next(line, too_long, final) == uie::LineSplitter::Status::kLine) got.push_back(too_long ? "<long>" : std::string(line));
    };
    for (std::size_t i = 0; i < text.size(); i += n) {
      s.feed(std::string_view(text).substr(i, n));
      drain(false);
    }
    drain(true);
    return got;
  };
  std::string text = "12345678\r\n123456789\nabc\n\n" + std::string(100, 'x') + "\r\nlast";
  std::vector<std::string> expected = {"12345678", "<long>", "abc", "", "<long>", "last"};
  for (std::size_t n = 1; n <= text.size(); ++n) {
    INFO("pieces of " << n);
    CHECK(split(text, n) == expected);
  }
  CHECK(split("", 1).empty());
  CHECK(split("a\n", 1) == std::vector<std::string>{"a"});
  CHECK(split(std::string(100, 'y'), 3) == std::vector<std::string>{"<long>"});
}

TEST_CASE("random JSONL and CSV batches answer the same whole and in random pieces", "[session]") {
  std::mt19937 rng(11);
  std::vector<std::string> pool = {kRequest, "", "{", "[]", "{\"region\":\"999999\"}", "\t", "\xff\xfe",
                                   std::string(65537, 'z')};
  std::string csv_pool[] = {"enterprise,sme,24,80,4,56789.12", "\"a\"\"b\",x", "\"unclosed", ",,,", "enterprise,sme,24,80,81,1"};
  for (int round = 0; round < 40; ++round) {
    std::string jsonl, csv = "unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n";
    for (int i = 0; i < 30; ++i) {
      jsonl += pool[rng() % pool.size()] + (rng() % 2 ? "\n" : "\r\n");
      csv += csv_pool[rng() % 5] + (rng() % 2 ? "\n" : "\r\n");
    }
    std::size_t n = 1 + rng() % 5000;
    INFO("round " << round << ", pieces of " << n);
    CHECK(run(uie::BatchInput::kJsonl, uie::BatchOutput::kLines, jsonl, n) == run(uie::BatchInput::kJsonl, uie::BatchOutput::kLines, jsonl, 0));
    CHECK(run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, n) == run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, 0));
  }
}

TEST_CASE("a header that cannot be read whole stops the batch, an over-long row of cells is that row's error", "[session]") {
  std::string long_header = std::string(70000, 'h') + ",unit_type\nenterprise\n";
  std::string out = run(uie::BatchInput::kCsv, uie::BatchOutput::kLines, long_header, 1000);
  CHECK(out.find("\"ok\":false") != std::string::npos);
  CHECK(out.find("65536") != std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);  // one error, no row answered
  uie::Session s(engine(), uie::BatchInput::kCsv, uie::BatchOutput::kLines, {}, shanxi());
  std::string lines;
  std::string rows = std::string("unit_type") + '\x01' + std::string(70000, 'x') + '\x01' + "enterprise";
  s.feed_cells(rows, lines);
  s.finish(lines);
  CHECK(s.ok());
  CHECK(s.items() == 2);
  CHECK(lines.find("65536") != std::string::npos);
  CHECK(lines.find("\"missing\"") != std::string::npos);  // the next row is served
}

TEST_CASE("the page's rows carry their row number and the cells passed through, errors too", "[session]") {
  std::string csv =
      "单位名称,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid,备注\n"
      "\n"
      "\"甲, 有限公司\",enterprise,sme,24,80,4,56789.12,ok\n"
      "乙,enterprise,sme,24,80,x,1\n"
      "丙,enterprise,,24,80,4,56789.12,规模没填\n";
  std::vector<json> rows;
  std::string out = run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, 0);
  for (std::size_t at = 0, nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1) rows.push_back(json::parse(out.substr(at, nl - at)));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["row"] == 3);  // the blank row 2 is no item, but counts as a row
  CHECK(rows[0]["kept"] == json::array({"甲, 有限公司", "ok"}));
  CHECK(rows[0]["eligible"] == true);
  CHECK(rows[1]["row"] == 4);
  CHECK(rows[1]["kept"] == json::array({"乙", ""}));
  CHECK(rows[1]["ok"] == false);
  CHECK(rows[1]["error"]["path"] == "/facts/layoffs");
  // Size unknown: eligible, no single amount, both candidates.
  CHECK(rows[2]["amount_fen"].is_null());
  CHECK(rows[2]["candidates"]["sme"].get<long long>() > rows[2]["candidates"]["large"].get<long long>());
  // A JSONL batch: the line number, nothing kept.
  std::string lines = run(uie::BatchInput::kJsonl, uie::BatchOutput::kReasons, std::string("\n") + kRequest + "\n", 0);
  json second = json::parse(lines.substr(lines.find('\n') + 1));
  CHECK(second["row"] == 2);
  CHECK_FALSE(second.contains("kept"));
}

TEST_CASE("a CSV row says where it starts, so a page can read it again from its file", "[session]") {
  std::string csv = std::string("\xEF\xBB\xBF") + "单位名称,unit_type,contribution_months\r\n" + "\"甲\n乙\",enterprise,24\r\n" +
                    std::string(70000, 'x') + "\r\n" + "丙,enterprise,6\n";
  for (std::size_t n : {std::size_t(0), std::size_t(5), std::size_t(4096)}) {
    std::string out = run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, n);
    std::vector<json> rows;
    for (std::size_t at = 0, nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1) rows.push_back(json::parse(out.substr(at, nl - at)));
    REQUIRE(rows.size() == 3);
    CHECK(csv.substr(rows[0]["at"].get<std::size_t>(), 4) == "\"甲");
    CHECK(csv.substr(rows[1]["at"].get<std::size_t>(), 3) == "xxx");  // the over-long row too
    CHECK(csv.substr(rows[2]["at"].get<std::size_t>(), 3) == "丙");
  }
  // Cells have no offsets.
  uie::Session s(engine(), uie::BatchInput::kCsv, uie::BatchOutput::kReasons, {}, shanxi());
  std::string out;
  s.feed_cells(std::string("unit_type") + '\x01' + "enterprise", out);
  CHECK_FALSE(json::parse(out).contains("at"));
}

TEST_CASE("the header named by a mapping: its cells read as those columns, the table shows it as it was", "[session]") {
  std::string csv = "名称,类型,月数\n甲,enterprise,6\n";
  uie::Session s(engine(), uie::BatchInput::kCsv, uie::BatchOutput::kTable, {}, shanxi());
  s.name_columns({"", "unit_type", "contribution_months"});
  std::string out;
  s.feed(csv, out);
  s.finish(out);
  CHECK(out.rfind("名称,类型,月数,", 0) == 0);
  CHECK(out.find("甲,enterprise,6,否,") != std::string::npos);  // 6 months: not eligible, so the mapping was used
  json columns = json::parse(engine().header_columns({"名称", "unit_type", "contribution_month"}, shanxi()));
  CHECK(columns["columns"][0]["role"] == "passthrough");
  CHECK(columns["columns"][1]["role"] == "fact");
  CHECK(columns["columns"][2]["role"] == "misspelt");
  CHECK(json::parse(engine().header_columns({"a"}, {"", "", "nope", ""}))["error"]["code"] == "unknown_program");
}

TEST_CASE("CSV text as rows of cells, by the sessions' own grammar", "[session]") {
  CHECK(uie::csv_cells("a,\"b,\"\"c\"\"\nd\"\r\ne\n") == std::string("a") + '\0' + "b,\"c\"\nd" + '\x01' + "e");
  CHECK(uie::csv_cells("").empty());
  CHECK(uie::csv_cells("\xEF\xBB\xBFx") == "x");
}

TEST_CASE("rows of cells written as CSV read back as the same cells, neutralised as the table is", "[session]") {
  std::string rows = std::string("名称") + '\0' + "a,b" + '\x01' + "=1+1" + '\0' + "say \"hi\"\nthere";
  std::string csv = uie::csv_text(rows);
  CHECK(csv == "名称,\"a,b\"\r\n\"'=1+1\",\"say \"\"hi\"\"\nthere\"\r\n");
  CHECK(uie::csv_cells(csv) == std::string("名称") + '\0' + "a,b" + '\x01' + "'=1+1" + '\0' + "say \"hi\"\nthere");
  CHECK(uie::csv_text("").empty());
}

TEST_CASE("a CSV record of exactly the limit is read in any pieces, its CRLF not counted", "[session]") {
  // Found by fuzz_csv: fed byte by byte, the '\r' waiting for its '\n' was
  // counted, and the record was refused as too long.
  std::string csv = "备注\n" + std::string(65536, 'X') + "\r\n" + std::string(65537, 'Y') + "\r\n" + "z\r\n";
  std::string whole = run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, 0);
  std::vector<json> rows;
  for (std::size_t at = 0, nl; (nl = whole.find('\n', at)) != std::string::npos; at = nl + 1) rows.push_back(json::parse(whole.substr(at, nl - at)));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["kept"][0].get<std::string>().size() == 65536);
  CHECK(rows[1]["ok"] == false);  // one byte more is too long
  CHECK(rows[2]["kept"][0] == "z");
  for (std::size_t n : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(65539), std::size_t(65540)}) {
    INFO("pieces of " << n);
    CHECK(run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, n) == whole);
  }
}

TEST_CASE("a row's reasons are its own: none from the row before, none from a passed condition's parts", "[session]") {
  // Found by fuzz_csv: the reasons were read from every outcome the reused
  // result held, so a program without conditions repeated the row before's.
  std::string csv =
      "region,date,program,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid,seriously_dishonest,wage_base\n"
      "140000,2024-07-15,stabilization_refund,enterprise,sme,6,80,40,1000,true,\n"
      "140000,2025-06-01,contribution_rate,,,,,,,,8000\n";
  std::string out = run(uie::BatchInput::kCsv, uie::BatchOutput::kReasons, csv, 0, uie::ScreenDefaults{});
  json second = json::parse(out.substr(out.find('\n') + 1));
  CHECK(second["eligible"] == true);
  CHECK(second["reasons"] == json::array());
  std::string table = run(uie::BatchInput::kCsv, uie::BatchOutput::kTable, csv, 0, uie::ScreenDefaults{});
  CHECK(table.substr(table.rfind('\n', table.size() - 2) + 1).find("严重") == std::string::npos);
  // An any_of passed by one part while another failed: no reason at all.
  std::string line =
      R"({"region":"440000","date":"2021-11-01","program":"unemployment_subsidy","facts":{"unemployed_since":"2021-01-05","contribution_months":24,"involuntary":true,"benefit_expired":true}})";
  json r = json::parse(run(uie::BatchInput::kJsonl, uie::BatchOutput::kReasons, line + "\n", 0));
  CHECK(r["failed"] == json::array());
  CHECK(r["missing"] == json::array());
  CHECK(r["reasons"] == json::array());
}

TEST_CASE("a cell of only wide spaces (U+3000, U+00A0) is blank, as the single page takes it", "[session]") {
  // Found in review: the row was an error, the page would have asked the fact.
  std::string csv = "unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid,seriously_dishonest\n"
                    "enterprise,sme,24,80,4,56789.12,\xE3\x80\x80\n"
                    "enterprise,sme,24,80,4,\xC2\xA0" "56789.12\xE3\x80\x80,\xC2\xA0\n";
  std::string out = run(uie::BatchInput::kCsv, uie::BatchOutput::kLines, csv, 0);
  std::string plain = run(uie::BatchInput::kCsv, uie::BatchOutput::kLines,
                          "unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid,seriously_dishonest\n"
                          "enterprise,sme,24,80,4,56789.12,\nenterprise,sme,24,80,4,56789.12,\n", 0);
  CHECK(out == plain);
  CHECK(out.find("\"ok\":false") == std::string::npos);
}
