using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Asked = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InformationFlow = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedResponsibility = table.Column<int>(type: "INTEGER", nullable: false),
                    EqualTreatment = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaderSupport = table.Column<int>(type: "INTEGER", nullable: false),
                    RemoteAreas = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    Expectations = table.Column<string>(type: "TEXT", nullable: true),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceRequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_answers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_reviews_NetworkId_Number",
                table: "network_reviews",
                columns: new[] { "NetworkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_reviews_WorkflowInstanceId",
                table: "network_reviews",
                column: "WorkflowInstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_answers_MemberId",
                table: "review_answers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_review_answers_ReviewId",
                table: "review_answers",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_review_answers_SourceRequestId",
                table: "review_answers",
                column: "SourceRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_reviews");

            migrationBuilder.DropTable(
                name: "review_answers");
        }
    }
}
