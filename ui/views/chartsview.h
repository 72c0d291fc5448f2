#pragma once

#include "ui/charts/studiochart.h"

#include <QStringList>
#include <QWidget>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace hindsight::ui {

class AnalysisService;
class SharedTimeRange;

/// The Charts view: a trend of one or several definitions (per hour, day, week or month; as
/// interactions, people or sessions), a breakdown of one definition (by page path, element text
/// or a property), or a funnel of ordered definitions within a session with its conversion
/// rates, over the shared time range in the user's time zone. Everything is computed on the
/// analysis thread (jobs with the key "charts"); the chart exports as PNG and CSV.
class ChartsView : public QWidget
{
    Q_OBJECT

  public:
    enum class Mode { Trend, Breakdown, Funnel };

    ChartsView(AnalysisService *analysis, SharedTimeRange *range, QWidget *parent = nullptr);

    /// Shows the trend of these definitions (picked in the list, in this order).
    void showDefinitions(const QStringList &names);
    StudioChart *chart() const { return m_chart; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// The picked definitions, in the order they were picked (the funnel's steps).
    QStringList pickedDefinitions() const { return m_picked; }
    /// Every definition of the catalog the picker offers (after the catalog has loaded).
    QStringList availableDefinitions() const { return m_available; }
    /// True while the catalog or a chart is being computed.
    bool isBusy() const;

    /// Writes the chart as PNG / CSV to `path`; false and `error` when there is nothing to
    /// export or the file cannot be written. (The buttons ask for the path first.)
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr);

  signals:
    /// A chart (or an empty state) was shown for the current settings.
    void chartUpdated();

  private:
    void buildUi();
    void reloadCatalog();
    void applyCatalog(const QStringList &names, const QString &error);
    void fillDefinitionList();
    void onItemChanged(QListWidgetItem *item);
    void setPicked(const QStringList &names);
    void refreshStepList();
    void moveStep(int delta);
    void updateControls();
    void scheduleRefresh();
    void refresh();
    void exportWithDialog(bool png);

    AnalysisService *m_analysis;
    SharedTimeRange *m_range;
    Mode m_mode = Mode::Trend;
    QStringList m_available;
    QStringList m_picked;
    QString m_catalogError;
    bool m_catalogLoaded = false;
    bool m_catalogPending = false;
    bool m_chartPending = false;
    bool m_fillingList = false;

    QButtonGroup *m_modeGroup = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_definitionList = nullptr;
    QLabel *m_pickHint = nullptr;
    QWidget *m_stepsBox = nullptr;
    QListWidget *m_stepList = nullptr;
    QToolButton *m_stepUp = nullptr;
    QToolButton *m_stepDown = nullptr;
    QStackedWidget *m_optionsStack = nullptr;
    QWidget *m_trendOptions = nullptr;
    QComboBox *m_granularity = nullptr;
    QComboBox *m_measure = nullptr;
    QWidget *m_breakdownOptions = nullptr;
    QComboBox *m_breakdownDefinition = nullptr;
    QComboBox *m_breakdownBy = nullptr;
    QLineEdit *m_propertyKey = nullptr;
    QWidget *m_funnelOptions = nullptr;
    QComboBox *m_funnelUnit = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportCsv = nullptr;
    StudioChart *m_chart = nullptr;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace hindsight::ui
