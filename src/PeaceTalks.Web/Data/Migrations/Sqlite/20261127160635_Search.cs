using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeaceTalks.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search: SQLite FTS5 with the unicode61 tokenizer, which folds case in every script ("ми" finds
            // "Ми") and removes diacritics ("sefcovic" finds "Šefčovič"). The tables keep no copy of the text
            // (contentless, with deletes), and triggers keep them in step with every write, whoever makes it.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE StatementSearch USING fts5(text, original_text, speaker, source,
                    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE MeetingSearch USING fts5(title, place, outcome,
                    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE ActorSearch USING fts5(name, alternative_names, role,
                    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

                CREATE TRIGGER StatementSearchInsert AFTER INSERT ON Statements BEGIN
                    INSERT INTO StatementSearch (rowid, text, original_text, speaker, source) VALUES (new.Id, new.Text, new.OriginalText,
                        (SELECT Name || ' ' || COALESCE(AlternativeNames, '') FROM Actors WHERE Id = new.ActorId),
                        (SELECT Title || ' ' || COALESCE(Outlet, '') FROM Sources WHERE Id = new.SourceId));
                END;
                CREATE TRIGGER StatementSearchUpdate AFTER UPDATE OF Text, OriginalText, ActorId, SourceId ON Statements BEGIN
                    DELETE FROM StatementSearch WHERE rowid = old.Id;
                    INSERT INTO StatementSearch (rowid, text, original_text, speaker, source) VALUES (new.Id, new.Text, new.OriginalText,
                        (SELECT Name || ' ' || COALESCE(AlternativeNames, '') FROM Actors WHERE Id = new.ActorId),
                        (SELECT Title || ' ' || COALESCE(Outlet, '') FROM Sources WHERE Id = new.SourceId));
                END;
                CREATE TRIGGER StatementSearchDelete AFTER DELETE ON Statements BEGIN
                    DELETE FROM StatementSearch WHERE rowid = old.Id;
                END;

                CREATE TRIGGER MeetingSearchInsert AFTER INSERT ON Meetings BEGIN
                    INSERT INTO MeetingSearch (rowid, title, place, outcome) VALUES (new.Id, new.Title, new.Place, new.Outcome);
                END;
                CREATE TRIGGER MeetingSearchUpdate AFTER UPDATE OF Title, Place, Outcome ON Meetings BEGIN
                    DELETE FROM MeetingSearch WHERE rowid = old.Id;
                    INSERT INTO MeetingSearch (rowid, title, place, outcome) VALUES (new.Id, new.Title, new.Place, new.Outcome);
                END;
                CREATE TRIGGER MeetingSearchDelete AFTER DELETE ON Meetings BEGIN
                    DELETE FROM MeetingSearch WHERE rowid = old.Id;
                END;

                CREATE TRIGGER ActorSearchInsert AFTER INSERT ON Actors BEGIN
                    INSERT INTO ActorSearch (rowid, name, alternative_names, role) VALUES (new.Id, new.Name, new.AlternativeNames, new.Role);
                END;
                CREATE TRIGGER ActorSearchUpdate AFTER UPDATE OF Name, AlternativeNames, Role ON Actors BEGIN
                    DELETE FROM ActorSearch WHERE rowid = old.Id;
                    INSERT INTO ActorSearch (rowid, name, alternative_names, role) VALUES (new.Id, new.Name, new.AlternativeNames, new.Role);
                END;
                CREATE TRIGGER ActorSearchDelete AFTER DELETE ON Actors BEGIN
                    DELETE FROM ActorSearch WHERE rowid = old.Id;
                END;

                -- A renamed actor or retitled source: their statements are found by the new words.
                CREATE TRIGGER StatementSearchSpeaker AFTER UPDATE OF Name, AlternativeNames ON Actors BEGIN
                    DELETE FROM StatementSearch WHERE rowid IN (SELECT Id FROM Statements WHERE ActorId = new.Id);
                    INSERT INTO StatementSearch (rowid, text, original_text, speaker, source)
                        SELECT s.Id, s.Text, s.OriginalText, new.Name || ' ' || COALESCE(new.AlternativeNames, ''),
                               (SELECT Title || ' ' || COALESCE(Outlet, '') FROM Sources WHERE Id = s.SourceId)
                        FROM Statements s WHERE s.ActorId = new.Id;
                END;
                CREATE TRIGGER StatementSearchSource AFTER UPDATE OF Title, Outlet ON Sources BEGIN
                    DELETE FROM StatementSearch WHERE rowid IN (SELECT Id FROM Statements WHERE SourceId = new.Id);
                    INSERT INTO StatementSearch (rowid, text, original_text, speaker, source)
                        SELECT s.Id, s.Text, s.OriginalText,
                               (SELECT Name || ' ' || COALESCE(AlternativeNames, '') FROM Actors WHERE Id = s.ActorId),
                               new.Title || ' ' || COALESCE(new.Outlet, '')
                        FROM Statements s WHERE s.SourceId = new.Id;
                END;

                INSERT INTO StatementSearch (rowid, text, original_text, speaker, source)
                    SELECT s.Id, s.Text, s.OriginalText, a.Name || ' ' || COALESCE(a.AlternativeNames, ''), src.Title || ' ' || COALESCE(src.Outlet, '')
                    FROM Statements s JOIN Actors a ON a.Id = s.ActorId JOIN Sources src ON src.Id = s.SourceId;
                INSERT INTO MeetingSearch (rowid, title, place, outcome) SELECT Id, Title, Place, Outcome FROM Meetings;
                INSERT INTO ActorSearch (rowid, name, alternative_names, role) SELECT Id, Name, AlternativeNames, Role FROM Actors;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER StatementSearchSource; DROP TRIGGER StatementSearchSpeaker;
                DROP TRIGGER ActorSearchDelete; DROP TRIGGER ActorSearchUpdate; DROP TRIGGER ActorSearchInsert;
                DROP TRIGGER MeetingSearchDelete; DROP TRIGGER MeetingSearchUpdate; DROP TRIGGER MeetingSearchInsert;
                DROP TRIGGER StatementSearchDelete; DROP TRIGGER StatementSearchUpdate; DROP TRIGGER StatementSearchInsert;
                DROP TABLE ActorSearch; DROP TABLE MeetingSearch; DROP TABLE StatementSearch;
                """);
        }
    }
}
