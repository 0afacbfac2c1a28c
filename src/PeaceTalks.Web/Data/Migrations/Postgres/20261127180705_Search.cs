using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeaceTalks.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search on PostgreSQL: a tsvector per row in a table of its own (as SQLite's FTS5 tables), kept
            // in step by triggers whoever writes, with the same folding as SQLite's unicode61 tokenizer: case in every
            // script ('simple' configuration, on a UTF-8 database) and accents (unaccent: "sefcovic" finds "Šefčovič").
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;

                -- The words of a row, for the index: accents removed (unaccent), then split and lower-cased by the 'simple'
                -- configuration (no stemming, no stop words: every word of a quote can be searched). NULL parts are skipped.
                -- Punctuation becomes spaces first, so '<script>' or 'example.com/x' are plain words, as SQLite's
                -- unicode61 tokenizer sees them, not the tags, hosts and paths of PostgreSQL's parser.
                CREATE FUNCTION peacetalks_words(VARIADIC parts text[]) RETURNS tsvector
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT to_tsvector('simple', regexp_replace(unaccent(array_to_string(parts, ' ')), '[[:punct:]]+', ' ', 'g')) $$;

                CREATE TABLE "StatementSearch" ("Id" integer PRIMARY KEY REFERENCES "Statements" ("Id") ON DELETE CASCADE, "Document" tsvector NOT NULL);
                CREATE TABLE "MeetingSearch" ("Id" integer PRIMARY KEY REFERENCES "Meetings" ("Id") ON DELETE CASCADE, "Document" tsvector NOT NULL);
                CREATE TABLE "ActorSearch" ("Id" integer PRIMARY KEY REFERENCES "Actors" ("Id") ON DELETE CASCADE, "Document" tsvector NOT NULL);
                CREATE INDEX "IX_StatementSearch_Document" ON "StatementSearch" USING gin ("Document");
                CREATE INDEX "IX_MeetingSearch_Document" ON "MeetingSearch" USING gin ("Document");
                CREATE INDEX "IX_ActorSearch_Document" ON "ActorSearch" USING gin ("Document");

                CREATE FUNCTION peacetalks_statement_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "StatementSearch" ("Id", "Document")
                    SELECT NEW."Id", peacetalks_words(NEW."Text", NEW."OriginalText", a."Name", a."AlternativeNames", src."Title", src."Outlet")
                    FROM "Actors" a, "Sources" src WHERE a."Id" = NEW."ActorId" AND src."Id" = NEW."SourceId"
                    ON CONFLICT ("Id") DO UPDATE SET "Document" = EXCLUDED."Document";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "StatementSearchWrite" AFTER INSERT OR UPDATE OF "Text", "OriginalText", "ActorId", "SourceId" ON "Statements"
                    FOR EACH ROW EXECUTE FUNCTION peacetalks_statement_search();

                CREATE FUNCTION peacetalks_meeting_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "MeetingSearch" ("Id", "Document") VALUES (NEW."Id", peacetalks_words(NEW."Title", NEW."Place", NEW."Outcome"))
                    ON CONFLICT ("Id") DO UPDATE SET "Document" = EXCLUDED."Document";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "MeetingSearchWrite" AFTER INSERT OR UPDATE OF "Title", "Place", "Outcome" ON "Meetings"
                    FOR EACH ROW EXECUTE FUNCTION peacetalks_meeting_search();

                CREATE FUNCTION peacetalks_actor_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "ActorSearch" ("Id", "Document") VALUES (NEW."Id", peacetalks_words(NEW."Name", NEW."AlternativeNames", NEW."Role"))
                    ON CONFLICT ("Id") DO UPDATE SET "Document" = EXCLUDED."Document";
                    -- A renamed actor: their statements are found by the new words.
                    IF TG_OP = 'UPDATE' AND (NEW."Name" IS DISTINCT FROM OLD."Name" OR NEW."AlternativeNames" IS DISTINCT FROM OLD."AlternativeNames") THEN
                        UPDATE "StatementSearch" ss
                        SET "Document" = peacetalks_words(s."Text", s."OriginalText", NEW."Name", NEW."AlternativeNames", src."Title", src."Outlet")
                        FROM "Statements" s JOIN "Sources" src ON src."Id" = s."SourceId"
                        WHERE s."ActorId" = NEW."Id" AND ss."Id" = s."Id";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ActorSearchWrite" AFTER INSERT OR UPDATE OF "Name", "AlternativeNames", "Role" ON "Actors"
                    FOR EACH ROW EXECUTE FUNCTION peacetalks_actor_search();

                -- A retitled source: its statements are found by the new words.
                CREATE FUNCTION peacetalks_source_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "StatementSearch" ss
                    SET "Document" = peacetalks_words(s."Text", s."OriginalText", a."Name", a."AlternativeNames", NEW."Title", NEW."Outlet")
                    FROM "Statements" s JOIN "Actors" a ON a."Id" = s."ActorId"
                    WHERE s."SourceId" = NEW."Id" AND ss."Id" = s."Id";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "SourceSearchWrite" AFTER UPDATE OF "Title", "Outlet" ON "Sources"
                    FOR EACH ROW EXECUTE FUNCTION peacetalks_source_search();

                INSERT INTO "StatementSearch" ("Id", "Document")
                    SELECT s."Id", peacetalks_words(s."Text", s."OriginalText", a."Name", a."AlternativeNames", src."Title", src."Outlet")
                    FROM "Statements" s JOIN "Actors" a ON a."Id" = s."ActorId" JOIN "Sources" src ON src."Id" = s."SourceId";
                INSERT INTO "MeetingSearch" ("Id", "Document") SELECT "Id", peacetalks_words("Title", "Place", "Outcome") FROM "Meetings";
                INSERT INTO "ActorSearch" ("Id", "Document") SELECT "Id", peacetalks_words("Name", "AlternativeNames", "Role") FROM "Actors";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SourceSearchWrite" ON "Sources"; DROP TRIGGER "ActorSearchWrite" ON "Actors";
                DROP TRIGGER "MeetingSearchWrite" ON "Meetings"; DROP TRIGGER "StatementSearchWrite" ON "Statements";
                DROP FUNCTION peacetalks_source_search(); DROP FUNCTION peacetalks_actor_search();
                DROP FUNCTION peacetalks_meeting_search(); DROP FUNCTION peacetalks_statement_search();
                DROP TABLE "ActorSearch"; DROP TABLE "MeetingSearch"; DROP TABLE "StatementSearch";
                DROP FUNCTION peacetalks_words(VARIADIC text[]);
                """);
        }
    }
}
