// The screening table (estimate --csv) and the header recognition the CLI and
// the page share: an office's own sheet, with Chinese headers and columns that
// are no facts, comes back with every cell it had (formula-neutralised) and
// the answer beside it; the table's decisions are the screening lines'.
#include <catch2/catch.hpp>

#include <random>

#include "support.h"

using namespace uie_test;

namespace {

uie::ScreenDefaults shanxi() { return {"140000", "2024-07-15", "stabilization_refund", ""}; }

std::string yuan(long long fen) {
  std::string s = std::to_string(fen / 100) + "." + std::to_string(fen % 100 / 10) + std::to_string(fen % 10);
  return s;
}

// A CSV text as records of cells (quotes, "" and line breaks inside quotes).
std::vector<std::vector<std::string>> records(const std::string& csv) {
  std::vector<std::vector<std::string>> out(1);
  std::string cell;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.back().push_back(cell), cell.clear();
    } else if (c == '\n') {
      out.back().push_back(cell), cell.clear();
      out.emplace_back();
    } else {
      cell += c;
    }
    any = true;
  }
  if (!cell.empty() || (any && !out.back().empty())) out.back().push_back(cell);
  if (out.back().empty()) out.pop_back();
  return out;
}

std::string table(const std::string& csv, uie::ScreenDefaults d = shanxi(), bool en = false) {
  uie::Options o;
  o.english = en;
  return engine().screen_csv(csv, d, o, uie::BatchOutput::kTable);
}

json columns(const std::string& header, const std::string& program = "stabilization_refund") {
  return json::parse(engine().csv_columns(header, {"", "", program, ""}, {}));
}

const char* kOfficeHeader =
    "单位名称,统一社会信用代码,单位类型 (unit_type),企业规模（企业划型）（size）,已足额缴纳失业保险费的月数,"
    "上年末单位参保人数（人）,layoffs,上年度实际缴纳的失业保险费 *,备注";

}  // namespace

TEST_CASE("headers name facts by id, label, label with the id or a unit in brackets, and a required mark", "[csv-header]") {
  json c = columns(kOfficeHeader)["columns"];
  REQUIRE(c.size() == 9);
  const char* roles[] = {"passthrough", "passthrough", "fact", "fact", "fact", "fact", "fact", "fact", "passthrough"};
  const char* facts[] = {"", "", "unit_type", "size", "contribution_months", "insured_headcount", "layoffs", "contributions_paid", ""};
  for (std::size_t i = 0; i < 9; ++i) {
    INFO(c[i].dump());
    CHECK(c[i]["index"] == i);
    CHECK(c[i]["role"] == roles[i]);
    if (*facts[i]) CHECK(c[i]["fact"] == facts[i]);
    else CHECK_FALSE(c[i].contains("fact"));
  }
  CHECK(c[5]["label"] == "上年末单位参保人数");
  CHECK(c[0]["header"] == "单位名称");
}

TEST_CASE("region, date, program and policy columns are known in English and Chinese", "[csv-header]") {
  json c = columns("地区,申请日期,项目,政策,region,Date,地区 (region),参保地区")["columns"];
  CHECK(c[0]["role"] == "region");
  CHECK(c[1]["role"] == "date");
  CHECK(c[2]["role"] == "program");
  CHECK(c[3]["role"] == "policy");
  CHECK(c[4]["role"] == "duplicate");  // a second region column
  CHECK(c[4]["duplicate_of"] == 0);
  CHECK(c[5]["role"] == "duplicate");
  CHECK(c[6]["role"] == "duplicate");
  CHECK(c[7]["role"] == "duplicate");
  CHECK(columns("date")["columns"][0]["role"] == "date");
}

TEST_CASE("a header that looks like a misspelt fact says which fact it probably is", "[csv-header]") {
  json c = columns("contribution_month,上年末单位参保人,参保人数,单位类型 (unit_typ),Insured-Headcount,单位名称,备注,name")["columns"];
  CHECK(c[0]["role"] == "misspelt");
  CHECK(c[0]["fact"] == "contribution_months");
  CHECK(c[1]["role"] == "misspelt");  // one character short of the label
  CHECK(c[1]["fact"] == "insured_headcount");
  CHECK(c[2]["role"] == "misspelt");  // inside the label
  CHECK(c[2]["fact"] == "insured_headcount");
  CHECK(c[3]["role"] == "misspelt");  // the id in brackets is one letter off
  CHECK(c[3]["fact"] == "unit_type");
  CHECK(c[4]["role"] == "misspelt");
  CHECK(c[4]["fact"] == "insured_headcount");
  std::string m = c[0]["message"];
  CHECK(m.find("第 1 列") != std::string::npos);
  CHECK(m.find("contribution_months") != std::string::npos);
  for (std::size_t i = 5; i < 8; ++i) CHECK(c[i]["role"] == "passthrough");
  // A label an office shortened: a guess to confirm, not a silent pass-through.
  json s = columns("缴费月数,上年度缴纳失业保险费,裁员人数,统一社会信用代码,单位缴费基数")["columns"];
  CHECK(s[0]["fact"] == "contribution_months");
  CHECK(s[0]["role"] == "misspelt");
  CHECK(s[1]["fact"] == "contributions_paid");
  CHECK(s[2]["fact"] == "layoffs");
  CHECK(s[3]["role"] == "passthrough");
  CHECK(s[4]["role"] == "passthrough");
}

TEST_CASE("the header is read for the program asked, or for every program", "[csv-header]") {
  // 证书等级 is a fact of the skill subsidy only.
  CHECK(columns("证书等级", "skill_subsidy")["columns"][0]["fact"] == "level");
  CHECK(columns("证书等级", "stabilization_refund")["columns"][0]["role"] == "passthrough");
  CHECK(columns("证书等级", "")["columns"][0]["fact"] == "level");
  json unknown = columns("a,b", "no_such_program");
  CHECK(unknown["error"]["code"] == "unknown_program");
  CHECK(columns("", "")["columns"].empty());  // an empty file has no header
}

TEST_CASE("the table keeps every input cell, neutralises formulas and adds the answer in Chinese", "[csv-table]") {
  std::string csv = std::string("\xEF\xBB\xBF") + kOfficeHeader + "\r\n" +
                    "\"某某有限公司, 分公司\",91140000X,企业,中小微企业,24,80,4,\"56,789.12\",=1+1\r\n"
                    "乙公司,9114,enterprise,sme,6,80,4,1000,+cmd\r\n"
                    "丙公司,9114,enterprise,sme,24,80,three,1000,-2\r\n"
                    "\r\n"
                    "丁公司,9114,enterprise,,24,,,,@SUM(A1)\r\n";
  auto t = records(table(csv));
  REQUIRE(t.size() == 5);  // the header and four units: the blank row answers nothing
  REQUIRE(t[0].size() == 14);
  CHECK(t[0][0] == "单位名称");
  CHECK(t[0][9] == "是否符合 (eligible)");
  CHECK(t[0][10] == "金额/分 (amount_fen)");
  CHECK(t[0][11] == "金额/元 (amount_yuan)");
  CHECK(t[0][12] == "可能金额 (candidates)");
  CHECK(t[0][13] == "原因 (reasons)");
  CHECK(t[1] == std::vector<std::string>{"某某有限公司, 分公司", "91140000X", "企业", "中小微企业", "24", "80", "4", "56,789.12",
                                         "'=1+1", "是", "3407347", "34073.47", "", ""});
  CHECK(t[2][8] == "'+cmd");
  CHECK(t[2][9] == "否");
  CHECK(t[2][13] == "已足额缴纳失业保险费 6 个月，不满 12 个月");
  CHECK(t[3][8] == "'-2");
  CHECK(t[3][9] == "出错");
  CHECK(t[3][10].empty());
  CHECK(t[3][13].find("layoffs") != std::string::npos);
  CHECK(t[4][8] == "'@SUM(A1)");
  CHECK(t[4][9] == "待定");
  CHECK(t[4][13] == "还需要填写：「上年末单位参保人数」、「上年度裁员人数（新增领金人数）」、「上年度实际缴纳的失业保险费」");
}

TEST_CASE("the table in English, short rows padded, and every failed condition among the reasons", "[csv-table]") {
  std::string csv = "unit_type,contribution_months,insured_headcount,layoffs,contributions_paid\n"
                    "enterprise,6,100,40,1000\n"
                    "enterprise,24\n";
  auto t = records(table(csv, shanxi(), true));
  REQUIRE(t.size() == 3);
  CHECK(t[0][5] == "eligible");
  CHECK(t[0][8] == "candidates");
  CHECK(t[0][9] == "reasons");
  CHECK(t[1][5] == "no");
  std::string reasons = t[1][9];
  CHECK(reasons.find("; ") != std::string::npos);  // two failed conditions
  REQUIRE(t[2].size() == 10);
  CHECK(t[2][2].empty());
  CHECK(t[2][5] == "undecided");
}

TEST_CASE("a refused header stops the table with the message and writes nothing", "[csv-table]") {
  uie::Session s(engine(), uie::BatchInput::kCsv, uie::BatchOutput::kTable, {}, shanxi());
  std::string out;
  s.feed("unit_type,contribution_month\nenterprise,24\n", out);
  s.finish(out);
  CHECK(out.empty());
  CHECK_FALSE(s.ok());
  CHECK(s.error().find("contribution_months") != std::string::npos);
}

TEST_CASE("no policy in force or a bad region is that row's error in the table", "[csv-table]") {
  auto t = records(table("region,date,unit_type\n140000,2031-01-01,enterprise\n999999,2024-07-15,enterprise\n", {"", "", "stabilization_refund", ""}));
  REQUIRE(t.size() == 3);
  CHECK(t[1][3] == "出错");
  CHECK_FALSE(t[1][7].empty());
  CHECK(t[2][3] == "出错");
}

TEST_CASE("the reasons output carries the screening line and the sentences", "[csv-table]") {
  std::string csv = "unit_type,contribution_months,insured_headcount,layoffs,contributions_paid\nenterprise,6,80,4,1000\nenterprise,24\nenterprise,x\n";
  std::string out = engine().screen_csv(csv, shanxi(), {}, uie::BatchOutput::kReasons);
  std::vector<json> lines;
  for (std::size_t a = 0, b; (b = out.find('\n', a)) != std::string::npos; a = b + 1) lines.push_back(json::parse(out.substr(a, b - a)));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["failed"] == json::array({"contribution_months"}));
  CHECK(lines[0]["reasons"] == json::array({"已足额缴纳失业保险费 6 个月，不满 12 个月"}));
  CHECK(lines[1]["reasons"].size() == 1);
  CHECK(lines[1]["reasons"][0].get<std::string>().rfind("还需要填写：", 0) == 0);
  CHECK(lines[2]["error"]["path"] == "/facts/contribution_months");
}

TEST_CASE("the full output of a CSV row is the full answer of the same request", "[csv-table]") {
  std::string csv = "单位名称,unit_type,size,contribution_months,insured_headcount,layoffs,contributions_paid\n甲,enterprise,sme,24,80,4,56789.12\n";
  uie::Options o;
  o.today = "2026-11-22";
  json full = json::parse(engine().screen_csv(csv, shanxi(), o, uie::BatchOutput::kFull));
  json same = estimate({{"region", "140000"}, {"date", "2024-07-15"}, {"program", "stabilization_refund"},
                        {"facts", {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24}, {"insured_headcount", 80},
                                   {"layoffs", 4}, {"contributions_paid", "56789.12"}}}});
  CHECK(full == same);
}

TEST_CASE("table and screening lines decide alike on 2 000 random rows", "[csv-table]") {
  std::mt19937 rng(7);
  std::string csv = std::string(kOfficeHeader) + "\n";
  const char* types[] = {"企业", "enterprise", "社会团体", "律师事务所", "bad"};
  const char* sizes[] = {"sme", "large", "中小微企业", ""};
  for (int i = 0; i < 2000; ++i) {
    int hc = static_cast<int>(rng() % 400) + 1;
    csv += "单位" + std::to_string(i) + ",X," + types[rng() % 5] + "," + sizes[rng() % 4] + "," + std::to_string(rng() % 40) + "," +
           std::to_string(hc) + "," + std::to_string(rng() % static_cast<unsigned>(hc / 4 + 1)) + "," + std::to_string(rng() % 900000) +
           "." + std::to_string(rng() % 90 + 10) + ",\n";
  }
  auto t = records(table(csv));
  std::string lines = engine().screen_csv(csv, shanxi(), {});
  REQUIRE(t.size() == 2001);
  std::size_t a = 0;
  for (std::size_t i = 1; i < t.size(); ++i) {
    std::size_t b = lines.find('\n', a);
    json l = json::parse(lines.substr(a, b - a));
    a = b + 1;
    INFO(i);
    const auto& row = t[i];
    REQUIRE(row.size() == 14);
    if (l.contains("error")) {
      CHECK(row[9] == "出错");
      CHECK(row[13] == l["error"]["message"]);
      continue;
    }
    CHECK(row[9] == (l["eligible"].is_null() ? "待定" : l["eligible"] == true ? "是" : "否"));
    CHECK(row[10] == (l["amount_fen"].is_null() ? std::string() : std::to_string(l["amount_fen"].get<long long>())));
    // The size unknown: both amounts in the candidates cell, never an empty one.
    CHECK(row[12].empty() == !l.contains("candidates"));
    if (l.contains("candidates")) CHECK(row[12].find(yuan(l["candidates"]["sme"].get<long long>())) != std::string::npos);
  }
}
