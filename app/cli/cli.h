#pragma once

namespace faultline::cli {

// True when argv[1] asks for the command line: a command of DESIGN.md (impact, import, export,
// and the later blast-radius, spof, cut-sets, availability, report), -h/--help or --version.
// A lower-case word that is not an existing file counts too, so that a mistyped command is
// reported as one (exit 2) instead of opening the desktop app on a map that does not exist;
// maps have an extension (.faultline, .json).
bool isCommand(int argc, char *argv[]);
// Runs it with a QCoreApplication (no display needed). Exit codes: 0 success, 1 bad input,
// 2 usage. Errors go to stderr; stdout carries only the result.
int run(int argc, char *argv[]);

} // namespace faultline::cli
