// What each column of a screening file holds, read off its header row. The
// CLI and the page (through the wasm module) share this, so an office's sheet
// reads the same everywhere. A header cell names a fact by any of:
//   - its id:                           insured_headcount
//   - its label (Chinese or English):   上年末单位参保人数
//   - the label with the id in brackets, as the template writes it:
//                                       上年末单位参保人数 (insured_headcount)、…（insured_headcount）
//   - the label with a unit in brackets: 上年末单位参保人数（人）
// A trailing * (the template's mark of a required fact) is ignored. The
// columns region/date/program/policy may also be headed 地区 (地区代码,
// 行政区划代码), 日期 (申请日期), 项目, 政策. Any other header is a column the
// engine passes through untouched (单位名称, 统一社会信用代码, 备注) — unless it
// looks like a misspelt fact: an id one or two letters off, or a label one
// character off (two for a long one), or a label within the header or the
// header within a label (four characters or more). Those stop the batch
// with an error naming the fact meant, never silently ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/ruleset.h"

namespace uie {

struct ColumnInfo {
  enum class Role { kPassthrough, kRegion, kDate, kProgram, kPolicy, kFact, kMisspelt, kDuplicate };
  std::string header;               // the cell, trimmed
  Role role = Role::kPassthrough;
  std::string fact;                 // kFact: the fact; kMisspelt: the fact probably meant
  const FactDef* def = nullptr;     // that fact's definition (its label), in the first program that has it
  int duplicate_of = -1;            // kDuplicate: the earlier column naming the same fact or role
};

// The columns of a header row. `program` empty: the facts of every program.
std::vector<ColumnInfo> classify_header(const RuleSet& rules, std::string_view program,
                                        const std::vector<std::string_view>& cells);

// The first column that stops the batch (misspelt or duplicate), or -1.
int refused_column(const std::vector<ColumnInfo>& columns);

// Its error message (rules/messages.json csv_misspelt_column, csv_duplicate_column).
std::string refused_message(const RuleSet& rules, const std::vector<ColumnInfo>& columns, int column, bool english);

// {"ok":true,"columns":[{"index","header","role"[,"fact","label"][,"message"]}…]}:
// role is one of fact, region, date, program, policy, passthrough, misspelt,
// duplicate; a misspelt or duplicate column carries the error message.
void render_columns(std::string& out, const RuleSet& rules, const std::vector<ColumnInfo>& columns, bool english);

}  // namespace uie
