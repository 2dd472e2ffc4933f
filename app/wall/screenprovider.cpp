// The monitors a wall can go to, and word when one comes, goes or changes resolution.
#include "screenprovider.h"

namespace dv {

int ScreenProvider::choose(int count, int requested)
{
    if (count <= 0)
        return -1;
    if (requested >= 1 && requested <= count)
        return requested - 1;
    return count >= 2 ? 1 : 0;
}

} // namespace dv
