// What loading a file gave: its layers, or one message naming the file and the reason.
#include "loadresult.h"

#include "vectorlayer.h"

#include <QCoreApplication>
#include <QDir>

namespace dv {

int LoadResult::featureCount() const
{
    int n = 0;
    for (const auto &layer : layers)
        n += layer->featureCount();
    return n;
}

void LoadResult::prepareForDisplay(const DisplayCrs &crs)
{
    if (!ok())
        return;
    searchIndexes.clear();
    for (const auto &layer : layers) {
        QString why;
        if (!layer->project(crs, &why)) {
            // Same wording and translation as the loader's own messages.
            error = QCoreApplication::translate("dv::LayerLoader", "%1: %2")
                        .arg(QDir::toNativeSeparators(layer->sourcePath()), why);
            layers.clear();
            searchIndexes.clear();
            return;
        }
        searchIndexes.push_back(FeatureSearch::index(*layer));
    }
}

} // namespace dv
