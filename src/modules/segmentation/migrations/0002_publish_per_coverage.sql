-- Publishing a run writes the segments of the customers it covered only (a run of one region leaves the others
-- alone), so several runs can be in effect at once, each for the customers no later publication covered.
DROP INDEX segmentation_runs_one_published_idx;
CREATE INDEX segmentation_runs_published_idx ON segmentation_runs (published_at) WHERE published_at IS NOT NULL;
