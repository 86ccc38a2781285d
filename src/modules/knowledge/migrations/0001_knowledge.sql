-- Knowledge base: articles (FAQ, product knowledge, sales scripts) in categories, with versions; a Q&A board.
CREATE TABLE kb_categories (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
  name_en    text NOT NULL,
  position   int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_articles (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category_id   bigint NOT NULL REFERENCES kb_categories (id),
  kind          text NOT NULL CHECK (kind IN ('faq', 'product', 'script')),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Markdown (headings, bold, lists); rendered by the web app without raw HTML.
  body          text NOT NULL CHECK (length(body) <= 100000),
  tags          text[] NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  author_id     bigint NOT NULL REFERENCES employees (id),
  version       int NOT NULL DEFAULT 1,
  -- jieba-segmented words, title weighted A, tags B, body C, under the 'simple' configuration.
  search_vector tsvector NOT NULL,
  question_id   bigint,
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_articles_search_idx ON kb_articles USING gin (search_vector);
-- Typos and partial model names ("mate6", "iphon 15") in titles.
CREATE INDEX kb_articles_title_trgm_idx ON kb_articles USING gin (lower(title) gin_trgm_ops);
CREATE INDEX kb_articles_status_idx ON kb_articles (status, id DESC);
CREATE INDEX kb_articles_category_idx ON kb_articles (category_id, id DESC);
CREATE INDEX kb_articles_tags_idx ON kb_articles USING gin (tags);

CREATE TABLE kb_article_versions (
  article_id bigint NOT NULL REFERENCES kb_articles (id),
  version    int NOT NULL,
  title      text NOT NULL,
  body       text NOT NULL,
  tags       text[] NOT NULL,
  status     text NOT NULL,
  editor_id  bigint NOT NULL REFERENCES employees (id),
  edited_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, version)
);

CREATE TABLE kb_questions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body           text NOT NULL CHECK (length(body) <= 20000),
  asker_id       bigint NOT NULL REFERENCES employees (id),
  best_answer_id bigint,
  article_id     bigint REFERENCES kb_articles (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_questions_created_idx ON kb_questions (id DESC);

CREATE TABLE kb_answers (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  question_id bigint NOT NULL REFERENCES kb_questions (id),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  author_id   bigint NOT NULL REFERENCES employees (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_answers_question_idx ON kb_answers (question_id, id);
ALTER TABLE kb_questions ADD FOREIGN KEY (best_answer_id) REFERENCES kb_answers (id);
ALTER TABLE kb_articles ADD FOREIGN KEY (question_id) REFERENCES kb_questions (id);

INSERT INTO kb_categories (name, name_en, position) VALUES
  ('宽带与固话', 'Broadband and fixed line', 10), ('移动业务', 'Mobile', 20), ('套餐资费', 'Packages and tariffs', 30),
  ('终端设备', 'Devices', 40), ('营销话术', 'Sales scripts', 50), ('政企业务', 'Enterprise services', 60);

-- Everyone reads and asks; front-line and service staff write; supervisors curate.
UPDATE roles SET permissions = permissions || ARRAY['knowledge:view', 'knowledge:create'] WHERE code IN ('account_manager', 'marketing_manager', 'telemarketer');
UPDATE roles SET permissions = permissions || ARRAY['knowledge:view', 'knowledge:create', 'knowledge:edit'] WHERE code = 'after_sales';
UPDATE roles SET permissions = permissions || ARRAY['knowledge:*'] WHERE code = 'cc_supervisor';
