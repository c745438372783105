export const DEFAULT_HANDLING_SECONDS = 300;

export function typicalHandlingSeconds(recent: number[]): number {
  const usable = recent.filter((s) => Number.isFinite(s) && s > 0).sort((a, b) => a - b);
  if (usable.length === 0) return DEFAULT_HANDLING_SECONDS;
  const middle = Math.floor(usable.length / 2);
  return usable.length % 2 === 1 ? usable[middle] : (usable[middle - 1] + usable[middle]) / 2;
}

// With nobody available one agent is assumed, so the citizen still gets a figure rather than "never".
export function estimateWaitSeconds(position: number, availableAgents: number, chatsPerAgent: number, handlingSeconds: number): number {
  if (position < 1) return 0;
  const perSecond = (Math.max(1, availableAgents) * Math.max(1, chatsPerAgent)) / Math.max(1, handlingSeconds);
  return Math.round(position / perSecond);
}
