using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeaceTalks.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RetractedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetractedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Actors_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanIssue",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanIssue", x => new { x.PlanId, x.IssueId });
                    table.ForeignKey(
                        name: "FK_PlanIssue_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanIssue_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RetractedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetractedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DateBasis = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointCount = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanVersions_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RetractedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetractedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanPoints_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanPointIssue",
                columns: table => new
                {
                    PlanPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanPointIssue", x => new { x.PlanPointId, x.IssueId });
                    table.ForeignKey(
                        name: "FK_PlanPointIssue_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanPointIssue_PlanPoints_PlanPointId",
                        column: x => x.PlanPointId,
                        principalTable: "PlanPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointLineage",
                columns: table => new
                {
                    PlanPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousPointId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointLineage", x => new { x.PlanPointId, x.PreviousPointId });
                    table.ForeignKey(
                        name: "FK_PointLineage_PlanPoints_PlanPointId",
                        column: x => x.PlanPointId,
                        principalTable: "PlanPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PointLineage_PlanPoints_PreviousPointId",
                        column: x => x.PreviousPointId,
                        principalTable: "PlanPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RetractedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetractedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointPositions_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointPositions_PlanPoints_PlanPointId",
                        column: x => x.PlanPointId,
                        principalTable: "PlanPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementPoint",
                columns: table => new
                {
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanPointId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementPoint", x => new { x.StatementId, x.PlanPointId });
                    table.ForeignKey(
                        name: "FK_StatementPoint_PlanPoints_PlanPointId",
                        column: x => x.PlanPointId,
                        principalTable: "PlanPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StatementPoint_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointPositionEvidence",
                columns: table => new
                {
                    PointPositionId = table.Column<int>(type: "INTEGER", nullable: false),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointPositionEvidence", x => new { x.PointPositionId, x.StatementId });
                    table.ForeignKey(
                        name: "FK_PointPositionEvidence_PointPositions_PointPositionId",
                        column: x => x.PointPositionId,
                        principalTable: "PointPositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PointPositionEvidence_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanIssue_IssueId",
                table: "PlanIssue",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanPointIssue_IssueId",
                table: "PlanPointIssue",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanPoints_Key",
                table: "PlanPoints",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanPoints_PlanVersionId",
                table: "PlanPoints",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ProposedById",
                table: "Plans",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Slug",
                table: "Plans",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_Date_Id",
                table: "PlanVersions",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_Key",
                table: "PlanVersions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Date",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_SourceId",
                table: "PlanVersions",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_PointLineage_PreviousPointId",
                table: "PointLineage",
                column: "PreviousPointId");

            migrationBuilder.CreateIndex(
                name: "IX_PointPositionEvidence_StatementId",
                table: "PointPositionEvidence",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_PointPositions_ActorId_PlanPointId_AsOf",
                table: "PointPositions",
                columns: new[] { "ActorId", "PlanPointId", "AsOf" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointPositions_PlanPointId_AsOf",
                table: "PointPositions",
                columns: new[] { "PlanPointId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementPoint_PlanPointId",
                table: "StatementPoint",
                column: "PlanPointId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanIssue");

            migrationBuilder.DropTable(
                name: "PlanPointIssue");

            migrationBuilder.DropTable(
                name: "PointLineage");

            migrationBuilder.DropTable(
                name: "PointPositionEvidence");

            migrationBuilder.DropTable(
                name: "StatementPoint");

            migrationBuilder.DropTable(
                name: "PointPositions");

            migrationBuilder.DropTable(
                name: "PlanPoints");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
