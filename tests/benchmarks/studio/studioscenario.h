#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace hindsight::bench {

/// What one run of the studio scenario measured.
struct ScenarioResult
{
    QString error;             ///< set when the scenario could not be completed
    double usableMs = 0;       ///< from creating the window to the first page of interactions shown
    double definitionsMs = 0;  ///< from opening the Definitions view to its counts shown
    double firstFilterMs = 0;  ///< the first filter typed to its first page shown (loads the index)
    double filterMs = 0;       ///< median of the later filters: typed to the first page shown
    double longestStallMs = 0; ///< the longest the GUI event loop could not run, over the whole scenario
    double stallP99Ms = 0;
    double stallsOver100 = 0;
    double peakRssMb = 0; ///< the process's peak resident memory (VmHWM)
    /// The longest stall within each step of the scenario.
    std::vector<std::pair<QString, double>> stepStallMs;
    /// The process's peak resident memory once each step was done (MB).
    std::vector<std::pair<QString, double>> stepPeakRssMb;
};

/// Opens the studio's main window on `storePath` (offscreen is fine) and drives it as a user
/// would: scroll far back through the interactions, type filters (type, selector, text), open
/// the Elements tab, the Definitions view (which loads the index), a chart of three
/// definitions, the editor for a new definition from a click, then the Naming, Privacy (field
/// audit) and Overview views. Reads nothing but the store.
ScenarioResult runStudioScenario(const QString &storePath);

} // namespace hindsight::bench
