#include "summary.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace uie_cli {
namespace {

bool eligible(const uie::ItemOutcome& o) { return o.state == 1; }

// "12,345,678" — the figures a reader compares, aligned in columns.
std::string grouped(std::int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

// `s` padded to `width` columns as a terminal shows it: a Chinese character takes two.
std::string padded(const std::string& s, std::size_t width) {
  std::size_t cols = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    cols += c >= 0xE0 ? 2 : 1;  // three- and four-byte sequences: CJK and the like
  }
  return s + std::string(cols < width ? width - cols : 0, ' ');
}

void write_text(std::ostream& out, const uie::BatchTally& b, const uie::BatchTally* r, const Changes& c,
                const std::string& reform_name, bool en) {
  char line[256];
  auto row = [&](const char* label, std::int64_t base, std::int64_t reform) {
    if (r) {
      std::snprintf(line, sizeof line, "%18s %18s %18s\n", grouped(base).c_str(), grouped(reform).c_str(),
                    grouped(reform - base).c_str());
    } else {
      std::snprintf(line, sizeof line, "%18s\n", grouped(base).c_str());
    }
    out << padded(label, 30) << line;
  };
  const uie::BatchTally& z = r ? *r : b;
  if (r) {
    out << (en ? "Reform: " : "测算方案：") << reform_name << '\n';
    out << padded("", 30);
    for (const char* head : {en ? "in force" : "现行政策", en ? "reform" : "测算方案", en ? "difference" : "差额"}) {
      std::string h(head);
      out << ' ' << std::string(18 - std::min<std::size_t>(18, en ? h.size() : h.size() / 3 * 2), ' ') << h;
    }
    out << '\n';
  }
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  row(en ? "units" : "单位数 units", n(b.items), n(z.items));
  row(en ? "eligible" : "符合 eligible", n(b.yes), n(z.yes));
  row(en ? "not eligible" : "不符合 not eligible", n(b.no), n(z.no));
  row(en ? "undecided" : "待定 undecided", n(b.undecided), n(z.undecided));
  row(en ? "errors" : "出错 errors", n(b.errors), n(z.errors));
  row(en ? "total (fen)" : "金额合计/分 total fen", b.amount_fen, z.amount_fen);
  row(en ? "  large: units" : "  大型企业 单位数", n(b.yes_by_size[1]), n(z.yes_by_size[1]));
  row(en ? "  large: fen" : "  大型企业 金额/分", b.fen_by_size[1], z.fen_by_size[1]);
  row(en ? "  SME: units" : "  中小微企业 单位数", n(b.yes_by_size[2]), n(z.yes_by_size[2]));
  row(en ? "  SME: fen" : "  中小微企业 金额/分", b.fen_by_size[2], z.fen_by_size[2]);
  row(en ? "  no size: units" : "  不分规模 单位数", n(b.yes_by_size[0]), n(z.yes_by_size[0]));
  row(en ? "  no size: fen" : "  不分规模 金额/分", b.fen_by_size[0], z.fen_by_size[0]);
  row(en ? "amount open (size unsure)" : "金额待定（规模不明）单位数", n(b.open), n(z.open));
  row(en ? "  open: low (fen)" : "  待定金额 低/分", b.open_low_fen, z.open_low_fen);
  row(en ? "  open: high (fen)" : "  待定金额 高/分", b.open_high_fen, z.open_high_fen);
  if (r) {
    // A row of another region or policy, or an error, is not reached by the reform.
    out << (en ? "units under the reform: " : "按测算方案计算的单位：") << r->reformed << (en ? " of " : " / ") << r->items
        << (en ? " (the others: another policy, or an error)\n" : "（其余按其他政策计算或数据有误，方案不影响）\n");
    out << (en ? "units changed: " : "状态或金额变化的单位：") << c.changed << (en ? " (newly eligible " : "（新符合 ") << c.gained
        << (en ? ", no longer eligible " : "，不再符合 ") << c.lost << (en ? ")\n" : "）\n");
  }
}

}  // namespace

void count_changes(const std::vector<uie::ItemOutcome>& base, const std::vector<uie::ItemOutcome>& reform,
                   Changes& changes) {
  std::size_t n = std::min(base.size(), reform.size());
  for (std::size_t i = 0; i < n; ++i) {
    const uie::ItemOutcome& a = base[i];
    const uie::ItemOutcome& b = reform[i];
    if (a.state == b.state && a.amount_fen == b.amount_fen && a.low_fen == b.low_fen && a.high_fen == b.high_fen) continue;
    ++changes.changed;
    if (!eligible(a) && eligible(b)) ++changes.gained;
    if (eligible(a) && !eligible(b)) ++changes.lost;
    std::int64_t before = eligible(a) && a.amount_fen >= 0 ? a.amount_fen : 0;
    std::int64_t after = eligible(b) && b.amount_fen >= 0 ? b.amount_fen : 0;
    changes.delta_fen += after - before;
  }
}

bool run_summary(const uie::Engine& base, const uie::Engine* reform, const std::string& reform_name,
                 std::istream& in, std::ostream& out, std::ostream& err, const uie::ScreenDefaults& defaults,
                 const uie::Options& options, Encoding encoding, SummaryFormat format) {
  uie::Session a(base, uie::BatchInput::kCsv, uie::BatchOutput::kNone, options, defaults);
  std::unique_ptr<uie::Session> b;
  if (reform) b = std::make_unique<uie::Session>(*reform, uie::BatchInput::kCsv, uie::BatchOutput::kNone, options, defaults);
  std::vector<uie::ItemOutcome> oa, ob;
  a.keep_outcomes(&oa);
  if (b) b->keep_outcomes(&ob);
  Changes changes;
  Decoder decoder(encoding);
  std::string chunk(1 << 18, '\0'), text, unused;
  auto feed = [&](bool last) {
    a.feed(text, unused);
    if (b) b->feed(text, unused);
    if (last) {
      a.finish(unused);
      if (b) b->finish(unused);
    }
    count_changes(oa, ob, changes);
    oa.clear();
    ob.clear();
    unused.clear();
  };
  while (in && a.ok()) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    text.clear();
    decoder.decode(std::string_view(chunk.data(), n), text);
    feed(false);
  }
  text.clear();
  decoder.finish(text);
  if (a.ok()) feed(true);
  if (!a.ok()) {
    err << "estimate: " << a.error() << '\n';
    return false;
  }
  if (format == SummaryFormat::kJson) {
    out << "{\"base\":" << uie::tally_json(a.tally());
    if (b) {
      out << ",\"reform\":" << uie::tally_json(b->tally()) << ",\"changes\":{\"changed\":" << changes.changed
          << ",\"gained\":" << changes.gained << ",\"lost\":" << changes.lost << ",\"delta_fen\":" << changes.delta_fen << "}";
    }
    out << "}\n";
  } else {
    write_text(out, a.tally(), b ? &b->tally() : nullptr, changes, reform_name, options.english);
  }
  out.flush();
  return true;
}

}  // namespace uie_cli
