// A spreadsheet cell read as the single-estimate page reads what a person
// types (web/shared/uie-front.js: parseAnswer and its helpers), so that a
// CSV or XLSX cell is accepted where the page accepts the same text, and as
// the same value: "1.2万", "56,789.12元", "１２０", "5年", "三十六", "是的",
// "2024年7月1日", "中小微", "四级、三级".
//
// The reading is a rewrite into the text the strict cell reader
// (input/fact_cell.cpp) takes, which keeps the bounds, the options, the
// calendar and the messages: it is tried only when that reader refuses a
// cell, so plain cells cost nothing more. tests/vectors/answers.json holds
// the cases the page and the cells must read alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/program.h"

namespace uie {

// The canonical text of `cell` for a fact of `def`'s type (money "12000",
// count "216", enum its value, bool "true", date "2024-07-01", month
// "1965-08", level list "4;3"), or nothing when the page would not read it
// either. `program` gives a level list the level options of its program.
std::optional<std::string> canonical_cell(const ProgramDef* program, const FactDef& def, std::string_view cell);

}  // namespace uie
