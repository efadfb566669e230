// The test collections (each with its own silo and clock) run one after the other: two silos busy at once in one
// process slowed the shared silo's thousand-hand conservation run past its step budget on a two-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
