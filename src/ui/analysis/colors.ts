import type { FunnelColor } from '../../domain/sales';

/** Fill of a funnel stage by its quota colour (domain funnel.ts: ≥ 100 % green, ≥ 70 % yellow, else red). */
export const FUNNEL_FILL: Record<FunnelColor, string> = { green: '#38a169', yellow: '#d69e2e', red: '#d9534f', none: '#7f9cc0' };
