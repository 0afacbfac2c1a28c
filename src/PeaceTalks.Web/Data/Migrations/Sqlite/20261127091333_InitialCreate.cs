using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeaceTalks.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Actors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Side = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AlternativeNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Issues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedPrecision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Positions_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DateBasis = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => new { x.MeetingId, x.ActorId });
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DateBasis = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ViaSourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalLanguage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OriginalText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Statements_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Statements_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Statements_Sources_ViaSourceId",
                        column: x => x.ViaSourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PositionEvidence",
                columns: table => new
                {
                    PositionId = table.Column<int>(type: "INTEGER", nullable: false),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PositionEvidence", x => new { x.PositionId, x.StatementId });
                    table.ForeignKey(
                        name: "FK_PositionEvidence_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PositionEvidence_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementIssues",
                columns: table => new
                {
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementIssues", x => new { x.StatementId, x.IssueId });
                    table.ForeignKey(
                        name: "FK_StatementIssues_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StatementIssues_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actors_Name",
                table: "Actors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Actors_Side_Name",
                table: "Actors",
                columns: new[] { "Side", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Actors_Slug",
                table: "Actors",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Slug",
                table: "Issues",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_ActorId_MeetingId",
                table: "MeetingParticipants",
                columns: new[] { "ActorId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Date_Id",
                table: "Meetings",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Slug",
                table: "Meetings",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SourceId",
                table: "Meetings",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_PositionEvidence_StatementId",
                table: "PositionEvidence",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_ActorId_IssueId_AsOf",
                table: "Positions",
                columns: new[] { "ActorId", "IssueId", "AsOf" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Positions_IssueId",
                table: "Positions",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Key",
                table: "Sources",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementIssues_IssueId_StatementId",
                table: "StatementIssues",
                columns: new[] { "IssueId", "StatementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_ActorId_Date_Id",
                table: "Statements",
                columns: new[] { "ActorId", "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Date_Id",
                table: "Statements",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Key",
                table: "Statements",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_MeetingId",
                table: "Statements",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SourceId",
                table: "Statements",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_ViaSourceId",
                table: "Statements",
                column: "ViaSourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "PositionEvidence");

            migrationBuilder.DropTable(
                name: "StatementIssues");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "Statements");

            migrationBuilder.DropTable(
                name: "Issues");

            migrationBuilder.DropTable(
                name: "Actors");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Sources");
        }
    }
}
