using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeaceTalks.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every existing row starts unverified (the column's default is edited by hand from the generated "").
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Statements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedById",
                table: "Statements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckedAt",
                table: "Statements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedBy",
                table: "Statements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedById",
                table: "Statements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeNote",
                table: "Statements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeReason",
                table: "Statements",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Statements",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "unverified");

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Positions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedById",
                table: "Positions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckedAt",
                table: "Positions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedBy",
                table: "Positions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedById",
                table: "Positions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeNote",
                table: "Positions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeReason",
                table: "Positions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Positions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "unverified");

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "PlanPoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedById",
                table: "PlanPoints",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckedAt",
                table: "PlanPoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedBy",
                table: "PlanPoints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedById",
                table: "PlanPoints",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeNote",
                table: "PlanPoints",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeReason",
                table: "PlanPoints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "PlanPoints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "unverified");

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedById",
                table: "Meetings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckedAt",
                table: "Meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedBy",
                table: "Meetings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedById",
                table: "Meetings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeNote",
                table: "Meetings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeReason",
                table: "Meetings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Meetings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "unverified");

            // Existing rows have waited for a check since checks began: the queue's oldest-first order is the same on both providers.
            migrationBuilder.Sql("UPDATE \"Statements\" SET \"ChangedAt\" = now() WHERE \"ChangedAt\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"Positions\" SET \"ChangedAt\" = now() WHERE \"ChangedAt\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"Meetings\" SET \"ChangedAt\" = now() WHERE \"ChangedAt\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"PlanPoints\" SET \"ChangedAt\" = now() WHERE \"ChangedAt\" IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Verification_RetractedAt_ChangedAt_Id",
                table: "Statements",
                columns: new[] { "Verification", "RetractedAt", "ChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Verification_RetractedAt_ChangedAt_Id",
                table: "Positions",
                columns: new[] { "Verification", "RetractedAt", "ChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanPoints_Verification_RetractedAt_ChangedAt_Id",
                table: "PlanPoints",
                columns: new[] { "Verification", "RetractedAt", "ChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Verification_RetractedAt_ChangedAt_Id",
                table: "Meetings",
                columns: new[] { "Verification", "RetractedAt", "ChangedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Statements_Verification_RetractedAt_ChangedAt_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Verification_RetractedAt_ChangedAt_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_PlanPoints_Verification_RetractedAt_ChangedAt_Id",
                table: "PlanPoints");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_Verification_RetractedAt_ChangedAt_Id",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "CheckedAt",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "CheckedById",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "DisputeNote",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "DisputeReason",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "CheckedAt",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "CheckedById",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "DisputeNote",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "DisputeReason",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "CheckedAt",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "CheckedById",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "DisputeNote",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "DisputeReason",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "PlanPoints");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CheckedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CheckedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DisputeNote",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DisputeReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Meetings");
        }
    }
}
