-- Faults and complaints filed in the portal are work orders now: work-orders migration 0005 (which runs before this
-- one) turned every portal request into a work order; the old table goes.
--
-- Rewritten after it was applied: it used to do that conversion itself, writing the work-orders module's tables.
-- replaces sha256: 54c7b40127104a25b0e86c00d3d96efb2d64a358117f89e761c1fcb312ee1d52
DROP TABLE portal_requests;
