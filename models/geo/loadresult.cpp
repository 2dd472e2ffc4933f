// What loading a file gave: its layers, or one message naming the file and the reason.
#include "loadresult.h"

#include "vectorlayer.h"

namespace dv {

int LoadResult::featureCount() const
{
    int n = 0;
    for (const auto &layer : layers)
        n += layer->featureCount();
    return n;
}

} // namespace dv
