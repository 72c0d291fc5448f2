#include "core/naming/conventionpresets.h"

#include "core/naming/acronymlist.h"

namespace hindsight::naming {

const std::vector<std::string> &defaultBlockedWords()
{
    static const std::vector<std::string> words = {"test",   "tmp",  "temp", "old", "untitled", "deprecated",
                                                   "unused", "asdf", "todo", "foo", "dummy",    "wip"};
    return words;
}

const std::vector<std::string> &conventionPresetIds()
{
    static const std::vector<std::string> ids = {"heap", "segment", "snake_case"};
    return ids;
}

std::optional<Convention> conventionPreset(std::string_view id)
{
    Convention convention;
    convention.blockedWords = defaultBlockedWords();
    convention.acronyms = AcronymList::defaults();
    if (id == "heap") {
        convention.id = "heap";
        convention.name = "Heap";
        convention.description = "Category - Action Object in Title Case, actions in the present tense "
                                 "(after Heap's published naming examples)";
        convention.example = "Cart - Submit Purchase Form";
        Segment category;
        category.role = SegmentRole::Category;
        category.casing = Casing::Title;
        category.maxLength = 40;
        Segment action;
        action.role = SegmentRole::Action;
        action.separator = " - ";
        action.casing = Casing::Title;
        action.tense = Tense::Present;
        Segment object;
        object.role = SegmentRole::Object;
        object.separator = " ";
        object.casing = Casing::Title;
        object.optional = true;
        convention.segments = {category, action, object};
        convention.maxLength = 80;
        return convention;
    }
    if (id == "segment") {
        convention.id = "segment";
        convention.name = "Segment";
        convention.description =
            "Object Action in Title Case, actions in the past tense (Segment's tracking plan "
            "style)";
        convention.example = "Order Completed";
        Segment object;
        object.role = SegmentRole::Object;
        object.casing = Casing::Title;
        object.optional = true;
        Segment action;
        action.role = SegmentRole::Action;
        action.separator = " ";
        action.casing = Casing::Title;
        action.tense = Tense::Past;
        convention.segments = {object, action};
        convention.maxLength = 80;
        return convention;
    }
    if (id == "snake_case") {
        convention.id = "snake_case";
        convention.name = "snake_case";
        convention.description =
            "object_action in snake_case, actions in the past tense, ASCII letters and digits "
            "only (safe as a warehouse table or column name)";
        convention.example = "order_completed";
        Segment object;
        object.role = SegmentRole::Object;
        object.casing = Casing::Snake;
        object.optional = true;
        Segment action;
        action.role = SegmentRole::Action;
        action.separator = "_";
        action.casing = Casing::Snake;
        action.tense = Tense::Past;
        convention.segments = {object, action};
        convention.maxLength = 63;
        convention.characters.letters = CharacterSet::Letters::Ascii;
        return convention;
    }
    return std::nullopt;
}

} // namespace hindsight::naming
