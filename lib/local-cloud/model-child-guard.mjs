// Preloaded into the model server child: when the Next server dies (even by SIGKILL) the IPC
// channel closes, and the child exits instead of lingering as an orphan holding its port.
process.on("disconnect", () => process.exit(0));
