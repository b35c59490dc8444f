using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TongkuangAlliance.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class NotificationSchedulerAndDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_OneSubject",
                table: "Notifications");

            migrationBuilder.AddColumn<int>(
                name: "ActivityId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DigestId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotificationDigests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SubDistrictId = table.Column<int>(type: "integer", nullable: true),
                    MemberUnitId = table.Column<int>(type: "integer", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Figures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationDigests_MemberUnits_MemberUnitId",
                        column: x => x.MemberUnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NotificationDigests_SubDistricts_SubDistrictId",
                        column: x => x.SubDistrictId,
                        principalTable: "SubDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledReminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ActivityId",
                table: "Notifications",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DigestId",
                table: "Notifications",
                column: "DigestId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_OneSubject",
                table: "Notifications",
                sql: "(CASE WHEN \"CaseId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AgreementTermId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ActionItemId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ActivityId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"DigestId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigests_MemberUnitId",
                table: "NotificationDigests",
                column: "MemberUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigests_SubDistrictId",
                table: "NotificationDigests",
                column: "SubDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_Rule_RecordKey_Day",
                table: "ScheduledReminders",
                columns: new[] { "Rule", "RecordKey", "Day" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Activities_ActivityId",
                table: "Notifications",
                column: "ActivityId",
                principalTable: "Activities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_NotificationDigests_DigestId",
                table: "Notifications",
                column: "DigestId",
                principalTable: "NotificationDigests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Activities_ActivityId",
                table: "Notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_NotificationDigests_DigestId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "NotificationDigests");

            migrationBuilder.DropTable(
                name: "ScheduledReminders");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ActivityId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DigestId",
                table: "Notifications");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_OneSubject",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ActivityId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DigestId",
                table: "Notifications");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_OneSubject",
                table: "Notifications",
                sql: "(CASE WHEN \"CaseId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AgreementTermId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ActionItemId\" IS NULL THEN 0 ELSE 1 END) = 1");
        }
    }
}
