// The colours the station pages give each item state and terminal state.
import type { StationItemState, TerminalState } from '@gridwork/core';

export const ITEM_STATE_COLORS: Readonly<Record<StationItemState, string>> = { met: 'green', partly: 'gold', not_met: 'red' };
export const TERMINAL_STATE_COLORS: Readonly<Record<TerminalState, string>> = { in_use: 'blue', spare: 'default', repair: 'orange', retired: 'default' };
