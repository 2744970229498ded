// estimate: the native command line of the estimator (contract §6).
//
//   estimate < request.json                 one request in, one response out
//   estimate --jsonl < batch.jsonl          one request per line, one response per line
//   estimate --jsonl --screen < batch.jsonl one compact screening line per request
//   estimate --csv --screen --region R --date D --program P < units.csv
//   estimate --csv --region R --date D --program P < units.csv > results.csv
//   estimate --csv --reform FILE --summary …     the totals in force and under a reform, side by side
//
// Exit status 0 when every response was produced, whatever they say; 2 when it
// could not run at all (bad options, unreadable or broken rule packs, a CSV
// header that cannot be read).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "batch.h"
#include "summary.h"
#include "uie/engine.h"

namespace {

const char* kHelp =
    "用法 / usage: estimate [--jsonl | --csv [--encoding E]] [--screen] [--today YYYY-MM-DD] [--lang zh|en] [--pack FILE]...\n"
    "\n"
    "失业保险待遇测算（稳岗返还、技能提升补贴、失业保险金等），全部在本机计算。\n"
    "Estimates unemployment-insurance benefits on this machine; nothing is sent anywhere.\n"
    "\n"
    "  (no option)        read one JSON request on standard input, print one JSON response\n"
    "  --jsonl            read one request per line and print one response per line, in order;\n"
    "                     a bad line gets an error response and the batch goes on\n"
    "  --screen           screening: instead of the full answer, one compact line per unit\n"
    "                     {\"eligible\":…,\"amount_fen\":…,\"failed\":[…],\"missing\":[…]} (or the error)\n"
    "  --csv              read a CSV batch: a header row, then one unit per row, and write the\n"
    "                     table: every input column (单位名称, 备注… pass through) plus 是否符合\n"
    "                     (eligible), 金额/分 (amount_fen), 金额/元 (amount_yuan), 可能金额\n"
    "                     (candidates: both amounts where a blank size decides) and 原因 (reasons).\n"
    "                     Headers: a fact's id, its label, or 标签 (fact_id) as the template has\n"
    "                     them; columns region/地区, date/日期, program/项目, policy/政策 override\n"
    "                     the flags; a header that looks like a misspelt fact stops (exit 2).\n"
    "                     With --screen: one compact line per unit instead of the table\n"
    "  --encoding E       the CSV's encoding: auto (default: UTF-8, else GB18030 as Excel saves\n"
    "                     it in China), utf-8 or gb18030; the table is written in the same one\n"
    "  --region CODE      the region of every CSV row (six digits)\n"
    "  --date DATE        the date of every CSV row (YYYY-MM-DD)\n"
    "  --program ID       the program of every CSV row (e.g. stabilization_refund)\n"
    "  --policy ID        evaluate every CSV row under this policy\n"
    "  --today DATE       the date a request without \"date\" is evaluated on (default: today)\n"
    "  --lang zh|en       the language of sentences, notes and errors (default zh, the contract's)\n"
    "  --pack FILE        load a further rule pack (JSON) besides the built-in ones; repeatable\n"
    "  --reform FILE      answer under a reform (测算方案, rules/README.md \"Reforms\"): one policy's\n"
    "                     parameters changed; the answers name the reform. A bad reform stops (exit 2)\n"
    "                     with the value it points at\n"
    "  --summary          with --csv: no table, but the batch's totals (units, eligible, not, undecided,\n"
    "                     errors, amounts in 分 by size) in force and, with --reform, under the reform\n"
    "                     side by side, and the units whose state or amount it changes\n"
    "  --summary-json     the same as one JSON object {\"base\", \"reform\", \"changes\"}\n"
    "  --compare          read one request and print its comparison: the same facts under every\n"
    "                     policy of its program the region has had, and the variants the current\n"
    "                     one allows (each size where unsure; the 25号 uplift), each column a whole\n"
    "                     response (docs/contract-notes.md \"compare\")\n"
    "  --catalog          print the programs, regions and policies the rules cover\n"
    "  --version          print the engine version\n"
    "  --help             print this text\n"
    "\n"
    "The request and response format is the estimate contract (docs/contract-notes.md and\n"
    "shared/spec/estimate-api.md). Exit status: 0 when every response was produced (whatever\n"
    "they say), 2 when it could not run at all (bad options, unreadable or broken rule packs,\n"
    "a CSV header that cannot be read).\n";

// Control characters (a NUL in a key, a line break) shown as \u00XX, so an
// error line stays one readable line.
std::string printable(const std::string& s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7F) {
      out += c;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    }
  }
  return out;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "estimate: %s\n(try estimate --help)\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool jsonl = false, csv = false, screen = false, catalog = false, compare = false, summary = false, summary_json = false;
  std::string reform_file, reform_text;
  uie_cli::Encoding encoding = uie_cli::Encoding::kAuto;
  std::string today, lang = "zh";
  uie::ScreenDefaults defaults;
  std::vector<uie::PackText> packs = uie::embedded_packs();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--version") {
      std::printf("%s\n", uie::Engine::version());
      return 0;
    } else if (a == "--jsonl") {
      jsonl = true;
    } else if (a == "--csv") {
      csv = true;
    } else if (a == "--screen") {
      screen = true;
    } else if (a == "--summary") {
      summary = true;
    } else if (a == "--summary-json") {
      summary = summary_json = true;
    } else if (a == "--reform" && has_value) {
      reform_file = argv[++i];
      std::ifstream f(reform_file, std::ios::binary);
      if (!f) return usage_error("无法读取测算方案文件 " + reform_file);
      std::ostringstream text;
      text << f.rdbuf();
      reform_text = text.str();
    } else if (a == "--catalog") {
      catalog = true;
    } else if (a == "--compare") {
      compare = true;
    } else if (a == "--today" && has_value) {
      today = argv[++i];
      if (today.size() != 10) return usage_error("--today 需要 YYYY-MM-DD 格式的日期");
    } else if (a == "--lang" && has_value) {
      lang = argv[++i];
      if (lang != "zh" && lang != "en") return usage_error("--lang 只能是 zh 或 en");
    } else if (a == "--region" && has_value) {
      defaults.region = argv[++i];
    } else if (a == "--date" && has_value) {
      defaults.date = argv[++i];
    } else if (a == "--program" && has_value) {
      defaults.program = argv[++i];
    } else if (a == "--policy" && has_value) {
      defaults.policy = argv[++i];
    } else if (a == "--encoding" && has_value) {
      if (!uie_cli::parse_encoding(argv[++i], encoding)) return usage_error("--encoding 只能是 auto、utf-8 或 gb18030");
    } else if (a == "--pack" && has_value) {
      std::ifstream f(argv[++i], std::ios::binary);
      if (!f) return usage_error(std::string("无法读取规则文件 ") + argv[i]);
      std::ostringstream text;
      text << f.rdbuf();
      packs.push_back({argv[i], text.str()});
    } else {
      return usage_error("不认识的参数 " + a);
    }
  }
  if (jsonl && csv) return usage_error("--jsonl 和 --csv 只能选一个");
  if (screen && !jsonl && !csv) return usage_error("--screen 需要和 --jsonl 或 --csv 一起用");
  if (summary && (!csv || screen)) return usage_error("--summary 需要和 --csv 一起用（不带 --screen）");
  uie::LoadResult loaded = uie::Engine::load(packs);
  if (!loaded.ok()) {
    for (const auto& issue : loaded.issues) {
      std::fprintf(stderr, "estimate: 规则文件有误 %s %s: %s [%s]\n", issue.file.c_str(), issue.pointer.c_str(),
                   issue.message.c_str(), issue.code.c_str());
    }
    return 2;
  }
  uie::LoadResult reformed;
  if (!reform_file.empty()) {
    reformed = loaded.engine->reform(reform_text);
    if (!reformed.ok()) {
      // A pointer or message may hold a NUL from the reform's keys: shown escaped, never cut.
      for (const auto& issue : reformed.issues) {
        std::cerr << "estimate: 测算方案有误 / the reform is wrong: " << printable(reform_file) << ' ' << printable(issue.pointer)
                  << ": " << printable(issue.message) << " / " << printable(issue.message_en) << " [" << issue.code << "]\n";
      }
      return 2;
    }
  }
  // Without --summary, everything is answered under the reform when one is given.
  const uie::Engine& engine = reformed.ok() && !summary ? *reformed.engine : *loaded.engine;
  uie::Options options;
  options.today = today;
  options.english = lang == "en";
  std::ios::sync_with_stdio(false);
  if (catalog) {
    std::cout << engine.catalog() << '\n';
    return 0;
  }
  if (summary) {
    auto format = summary_json ? uie_cli::SummaryFormat::kJson : uie_cli::SummaryFormat::kText;
    return uie_cli::run_summary(engine, reformed.engine.get(), reform_file, std::cin, std::cout, std::cerr, defaults, options,
                                encoding, format) ? 0 : 2;
  }
  if (csv) {
    uie::BatchOutput output = screen ? uie::BatchOutput::kLines : uie::BatchOutput::kTable;
    return uie_cli::run_csv(engine, std::cin, std::cout, std::cerr, defaults, options, output, encoding) ? 0 : 2;
  }
  if (jsonl) {
    uie_cli::run_batch(engine, std::cin, std::cout, options, screen ? uie_cli::Answer::kScreen : uie_cli::Answer::kFull);
    return 0;
  }
  std::string request = uie_cli::read_request(std::cin, uie::Limits{}.max_request_bytes);
  std::cout << (compare ? engine.compare(request, options) : engine.estimate(request, options)) << '\n';
  return 0;
}
