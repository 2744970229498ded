// The native CLI: one request, --jsonl batches in order, exit statuses.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

using namespace uie_test;

namespace {

struct Run {
  int status;
  std::string out;
};

std::string temp_file(const std::string& content) {
  char name[] = "/tmp/uie-cli-test-XXXXXX";
  int fd = mkstemp(name);
  if (fd >= 0) close(fd);
  std::ofstream(name, std::ios::binary) << content;
  return name;
}

// A shell command's output (for iconv).
Run run_shell(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

Run run(const std::string& args, const std::string& input) {
  std::string in_path = temp_file(input);
  Run r = run_shell(std::string(UIE_ESTIMATE_BIN) + " " + args + " < " + in_path + " 2>/dev/null");
  std::remove(in_path.c_str());
  return r;
}

std::vector<json> lines(const std::string& out) {
  std::vector<json> v;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    v.push_back(json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return v;
}

}  // namespace

TEST_CASE("one request in, one response out, exit 0 whatever it says", "[cli]") {
  Run ok = run("--today 2024-07-15", R"({"region":"140000","program":"contribution_rate","date":"2025-01-02","facts":{"wage_base":8000}})");
  CHECK(ok.status == 0);
  CHECK(json::parse(ok.out)["amount_fen"] == 8000);
  Run bad = run("", "this is not json");
  CHECK(bad.status == 0);
  CHECK(json::parse(bad.out)["error"]["code"] == "invalid_json");
}

TEST_CASE("a batch gets one response per line, in order, bad lines included", "[cli]") {
  std::string input;
  for (int i = 0; i < 50; ++i) {
    if (i % 5 == 0) input += "{broken\n";
    else if (i % 7 == 0) input += "\n";
    else input += R"({"region":"140000","date":"2025-03-01","program":"contribution_rate","facts":{"wage_base":)" + std::to_string(i * 100) + "}}\n";
  }
  input += std::string(70000, 'x') + "\n";  // past the line limit
  input += R"({"region":"000000","date":"2024-07-15","program":"unemployment_benefit","facts":{"contribution_months":24,"involuntary":true}})";
  Run r = run("--jsonl", input);
  CHECK(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 52);
  for (int i = 0; i < 50; ++i) {
    INFO(i);
    if (i % 5 == 0) CHECK(out[static_cast<std::size_t>(i)]["error"]["code"] == "invalid_json");
    else if (i % 7 == 0) CHECK(out[static_cast<std::size_t>(i)]["error"]["code"] == "invalid_json");
    else CHECK(out[static_cast<std::size_t>(i)]["amount_fen"] == i * 100);
  }
  CHECK(out[50]["error"]["code"] == "invalid_request");
  CHECK(out[51]["max_months"] == 12);
}

TEST_CASE("bad options and broken packs exit 2, and help exits 0", "[cli]") {
  CHECK(run("--frobnicate", "").status == 2);
  CHECK(run("--help", "").status == 0);
  CHECK(run("--help", "").out.find("--jsonl") != std::string::npos);
  std::string pack = temp_file("{\"kind\": \"policy\"");
  CHECK(run("--pack " + pack, "{}").status == 2);
  std::remove(pack.c_str());
  CHECK(run("--pack /no/such/file.json", "{}").status == 2);
}

TEST_CASE("estimate --csv writes the table, in GB18030 when the file came so, and stops on a misspelt header", "[cli]") {
  const std::string header = "单位名称,单位类型,企业规模（企业划型）,已足额缴纳失业保险费的月数,上年末单位参保人数,上年度裁员人数（新增领金人数）,上年度实际缴纳的失业保险费,备注";
  const std::string rows = "甲公司,企业,中小微企业,24,80,4,56789.12,=HYPERLINK(\"x\")\n乙公司,企业,中小微企业,6,80,4,1000,\n";
  const std::string flags = "--csv --region 140000 --date 2024-07-15 --program stabilization_refund";
  Run utf8 = run(flags, header + "\n" + rows);
  CHECK(utf8.status == 0);
  CHECK(utf8.out.rfind("单位名称,", 0) == 0);
  CHECK(utf8.out.find("\"'=HYPERLINK(\"\"x\"\")\",是,3407347,34073.47,") != std::string::npos);
  CHECK(utf8.out.find("乙公司,企业,中小微企业,6,80,4,1000,,否,0,0.00,,已足额缴纳失业保险费 6 个月，不满 12 个月\n") != std::string::npos);

  Run bom = run(flags, "\xEF\xBB\xBF" + header + "\n" + rows);
  CHECK(bom.out == "\xEF\xBB\xBF" + utf8.out);

  // The same file as Excel saves it on a Chinese Windows: GB18030, found by itself or named.
  std::string gb_in = temp_file(header + "\n" + rows), gb = gb_in + ".gb";
  REQUIRE(std::system(("iconv -f UTF-8 -t GB18030 " + gb_in + " > " + gb).c_str()) == 0);
  std::ifstream f(gb, std::ios::binary);
  std::string gb_text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  CHECK(gb_text != header + "\n" + rows);
  for (const char* enc : {"", " --encoding gb18030"}) {
    Run r = run(flags + enc, gb_text);
    CHECK(r.status == 0);
    std::string back = temp_file(r.out);
    Run decoded = run_shell("iconv -f GB18030 -t UTF-8 " + back);
    std::remove(back.c_str());
    CHECK(decoded.out == utf8.out);
  }
  CHECK(run(flags + " --encoding latin9", "").status == 2);
  std::remove(gb_in.c_str());
  std::remove(gb.c_str());

  Run misspelt = run(flags, "单位名称,已足额缴纳失业保险费月数\n甲,24\n");
  CHECK(misspelt.status == 2);
  CHECK(misspelt.out.empty());
  Run screen = run(flags + " --screen", header + "\n" + rows);
  CHECK(screen.status == 0);
  auto l = lines(screen.out);
  REQUIRE(l.size() == 2);
  CHECK(l[1]["failed"] == json::array({"contribution_months"}));
}
