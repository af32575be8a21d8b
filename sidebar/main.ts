export {};
// Placeholder until the sidebar issue: proves the page builds and its script runs.
const status = document.getElementById('status');
if (status) status.textContent = 'SettleSheet is loading…';
