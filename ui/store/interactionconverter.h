#pragma once

#include "core/model/element.h"
#include "ui/store/interactiondetail.h"
#include "ui/store/interactionrow.h"

namespace hindsight::store {
struct InteractionRecord;
}

namespace hindsight::ui {

/// Turns stored interactions into the display values the table and the detail pane show.
/// Runs on the worker thread; keeps a scratch chain so that converting a page of rows does
/// not allocate per row.
class InteractionConverter
{
  public:
    InteractionRow toRow(const store::InteractionRecord &record);
    InteractionDetail toDetail(const store::InteractionRecord &record);

  private:
    model::ElementChain m_chain;
};

} // namespace hindsight::ui
