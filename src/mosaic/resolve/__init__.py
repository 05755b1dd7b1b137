"""Entity linking and event merging: pure logic over the domain model."""
