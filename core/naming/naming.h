#pragma once

// Naming conventions and catalog review.
//
//  - Convention, conventionPreset(): conventions as data (segments, separators, casing,
//    allowed values, verbs and tense, blocked words, lengths, characters); presets heap,
//    segment, snake_case; conventionFromJson() / conventionToJson().
//  - NameLinter: every violation of a name with a stable rule id, a message and a suggested
//    name that lints clean.
//  - DuplicateFinder: names that look like the same definition.
//  - CatalogLinter: all of it over a catalog in one pass, plus catalog rules;
//    lintReportToJson() gives the `hindsight lint --json` shape.
// See docs/naming.md.

#include "core/naming/catalogentry.h"
#include "core/naming/cataloglinter.h"
#include "core/naming/convention.h"
#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"
#include "core/naming/duplicatefinder.h"
#include "core/naming/lintreportjson.h"
#include "core/naming/namelinter.h"
#include "core/naming/violation.h"
